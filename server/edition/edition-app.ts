import { Hono } from 'hono';
import type { ApiOptions } from '../api/api-context';
import { createApi, handleUnexpectedError } from '../api/create-api';
import type { Store } from '../store/store';

export const READ_ONLY_MESSAGE =
  'This is a read-only edition of the story: nothing can be changed here. Changes are made in Parallax itself.';

/**
 * The API of a static edition: the real app over the story's snapshot, answering every read
 * as the server does and refusing every change with a message that says why.
 */
export function createEditionApp(store: Store, options: Pick<ApiOptions, 'desk'> = {}) {
  const app = new Hono();
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return c.json({ error: { code: 'read_only', message: READ_ONLY_MESSAGE } }, 405, { Allow: 'GET, HEAD' });
  });
  app.route('/api', createApi(store, options));
  app.onError(handleUnexpectedError);
  return app;
}
