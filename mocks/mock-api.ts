import { http, type RequestHandler } from 'msw';
import type { Corpus } from '../server/corpus/load-corpus';
import { createApp } from '../server/api/create-api';
import { createMemoryStore } from '../server/store/memory/memory-store';

/**
 * MSW handlers that answer with the real API app over an in-memory store seeded from a
 * corpus: the mocks cannot drift from the server because they are the server.
 */
export function createMockApiHandlers(corpus: Corpus): RequestHandler[] {
  const store = createMemoryStore();
  const seeded = store.seed(corpus);
  const app = createApp(store);
  return [
    http.all('*/api/*', async ({ request }) => {
      await seeded;
      return app.fetch(request);
    }),
  ];
}
