import { http, type RequestHandler } from 'msw';
import { createTestApi } from '../server/api/api-test-kit';
import type { Corpus } from '../server/corpus/load-corpus';

/**
 * MSW handlers that answer with the test API (the real app, in real time, without accounts)
 * over a store seeded from a corpus: the mocks cannot drift from the server because they are
 * the server.
 */
export function createMockApiHandlers(corpus: Corpus): RequestHandler[] {
  const api = createTestApi({ corpus, accounts: [], realTime: true });
  return [
    http.all('*/api/*', async ({ request }) => {
      const { app } = await api;
      return app.fetch(request);
    }),
  ];
}
