import { Hono, type Context } from 'hono';
import type { Store } from '../store/store';
import { jsonError } from './api-errors';
import { readIdParam } from './route-params';

/** The JSON API, mounted under /api by the server and served as-is by the mock service worker. */
export function createApi(store: Store) {
  const api = new Hono();

  api.get('/health', (c) => c.json({ ok: true as const }));

  api.get('/stories', async (c) => c.json(await store.listStories()));

  api.get('/stories/:story', async (c) => {
    const param = readIdParam(c, 'story');
    if ('response' in param) return param.response;
    const bundle = await store.getStoryBundle(param.id);
    if (!bundle) return jsonError(c, 404, 'not_found', `no story "${param.id}"`, 'story');
    return c.json(bundle);
  });

  api.get('/articles/:article', async (c) => {
    const param = readIdParam(c, 'article');
    if ('response' in param) return param.response;
    const article = await store.getArticle(param.id);
    if (!article) return jsonError(c, 404, 'not_found', `no article "${param.id}"`, 'article');
    return c.json(article);
  });

  // A route, not notFound(): a mounted sub-app's notFound handler is not consulted by its parent.
  api.all('*', (c) => jsonError(c, 404, 'not_found', `no API route ${c.req.method} ${c.req.path}`));

  return api;
}

export function handleUnexpectedError(error: Error, c: Context) {
  console.error(error);
  return jsonError(c, 500, 'internal', 'the server failed to answer; the error is logged');
}

/** The API alone, as the mocks and the API tests use it. */
export function createApp(store: Store) {
  const app = new Hono();
  app.route('/api', createApi(store));
  app.onError(handleUnexpectedError);
  return app;
}
