import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { crossOriginProblem } from '../auth/origin-check';
import type { Store } from '../store/store';
import { resolveApiDeps, type ApiDeps, type ApiEnv, type ApiOptions } from './api-context';
import { jsonError } from './api-errors';
import { articlePreviewRoutes } from './article-preview-routes';
import { articleUrlRoutes } from './article-url-routes';
import { articleVersionRoutes } from './article-version-routes';
import { changesRoutes } from './changes-routes';
import { claimEditRoutes } from './claim-edit-routes';
import { coverageRoutes, MAX_ARTICLE_BODY_BYTES } from './coverage-routes';
import { eventRoutes } from './event-routes';
import { mentionEditRoutes } from './mention-edit-routes';
import { publicationRoutes } from './publication-routes';
import { logSecurity } from './security-log';
import { loadSession } from './session-middleware';
import { sessionRoutes } from './session-routes';
import { revalidatedStoryRead } from './story-etag';
import { storyDeskRoutes } from './story-desk-routes';
import { storyPartsRoutes } from './story-parts-routes';
import { idParam } from './validators';
import { verdictRoutes } from './verdict-routes';

/** Bodies are small JSON documents; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 256 * 1024;

/** The JSON API, mounted under /api by the server and served as-is by the mock service worker. */
export function createApi(store: Store, options: ApiOptions = {}) {
  return createApiWith(resolveApiDeps(store, options));
}

export function createApiWith(deps: ApiDeps) {
  const { store } = deps;
  const api = new Hono<ApiEnv>();

  // Every state-changing request must come from this site's own pages, cookie or not.
  api.use(
    '*',
    createMiddleware<ApiEnv>(async (c, next) => {
      const problem = crossOriginProblem(c, deps.publicOrigins());
      if (!problem) return next();
      await logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: cross-origin: ${problem}`, null);
      return jsonError(c, 403, 'cross_origin', `refused: ${problem}`, 'Origin');
    }),
  );
  const bodyLimitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The unread rest of the body is still on its way: the connection cannot carry another request.
        c.header('Connection', 'close');
        return jsonError(c, 413, 'body_too_large', `the body must be at most ${Math.round(maxSize / 1024)} KiB`);
      },
    });
  const articleBodyLimit = bodyLimitOf(MAX_ARTICLE_BODY_BYTES);
  const smallBodyLimit = bodyLimitOf(MAX_BODY_BYTES);
  // Articles may be large; every other body is a small JSON document, refused early when it is not.
  api.use(
    '*',
    createMiddleware<ApiEnv>((c, next) =>
      c.req.method === 'POST' &&
      /^\/api\/(?:stories\/[^/]+\/articles|stories\/import|articles\/[^/]+\/versions|article-previews)$/.test(
        c.req.path,
      )
        ? articleBodyLimit(c, next)
        : smallBodyLimit(c, next),
    ),
  );
  api.use('*', loadSession(deps));
  // API answers are revalidated by default: a read that can be cached says so itself.
  api.use(
    '*',
    createMiddleware<ApiEnv>(async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
    }),
  );

  api.get('/health', (c) => c.json({ ok: true as const }));

  api.get('/stories', async (c) => c.json(await store.listStories()));

  api.get('/stories/:story', idParam('story'), async (c) => {
    const { story } = c.req.valid('param');
    return revalidatedStoryRead(c, store, story, 'bundle', () => store.getStoryBundle(story), deps.storyReads);
  });

  api.get('/articles/:article', idParam('article'), async (c) => {
    const { article: id } = c.req.valid('param');
    const article = await store.getArticle(id);
    if (!article) return jsonError(c, 404, 'not_found', `no article "${id}"`, 'article');
    return c.json(article);
  });

  api.route('/', sessionRoutes(deps));
  api.route('/', verdictRoutes(deps));
  api.route('/', changesRoutes(deps));
  api.route('/', articleUrlRoutes(deps));
  api.route('/', articlePreviewRoutes(deps));
  api.route('/', coverageRoutes(deps));
  api.route('/', storyPartsRoutes(deps));
  api.route('/', eventRoutes(deps));
  api.route('/', claimEditRoutes(deps));
  api.route('/', mentionEditRoutes(deps));
  api.route('/', storyDeskRoutes(deps));
  api.route('/', publicationRoutes(deps));
  api.route('/', articleVersionRoutes(deps));

  // A route, not notFound(): a mounted sub-app's notFound handler is not consulted by its parent.
  api.all('*', (c) => jsonError(c, 404, 'not_found', `no API route ${c.req.method} ${c.req.path}`));

  return api;
}

export function handleUnexpectedError(error: Error, c: Context) {
  console.error(error);
  return jsonError(c, 500, 'internal', 'the server failed to answer; the error is logged');
}

/** The API alone, as the mocks and the API tests use it. */
export function createApp(store: Store, options: ApiOptions = {}) {
  const app = new Hono();
  app.route('/api', createApi(store, options));
  app.onError(handleUnexpectedError);
  return app;
}
