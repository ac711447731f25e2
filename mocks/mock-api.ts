import { http, type RequestHandler } from 'msw';
import type { Corpus } from '../server/corpus/load-corpus';
import { createApp } from '../server/api/create-api';
import { openSqliteStore } from '../server/store/sql/sql-store';

/**
 * MSW handlers that answer with the real API app over a SQLite store in memory seeded from a
 * corpus: the mocks cannot drift from the server because they are the server.
 */
export function createMockApiHandlers(corpus: Corpus): RequestHandler[] {
  const app = openSqliteStore(':memory:').then(async (store) => {
    await store.seed(corpus);
    return createApp(store);
  });
  return [
    http.all('*/api/*', async ({ request }) => {
      return (await app).fetch(request);
    }),
  ];
}
