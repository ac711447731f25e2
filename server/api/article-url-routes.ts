import { Hono } from 'hono';
import { addArticleFromUrlRequestSchema } from '@/domain/schemas';
import type { FetchRefusal } from '../ingest/fetch-page';
import { createStoryIngester } from '../ingest/story-ingester';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { requireEditor } from './require-role';
import { idParam, jsonBody } from './validators';

/** A refused address is the request's fault (400); a site that fails is not (502, 504). */
export const FETCH_REFUSAL_STATUS: Record<FetchRefusal['code'], 400 | 422 | 502 | 504> = {
  invalid_url: 400,
  refused_address: 400,
  wrong_type: 422,
  too_large: 422,
  too_many_redirects: 502,
  http_error: 502,
  unreachable: 502,
  timeout: 504,
};

/** The file name that tells the normalizer how to read a fetched page. */
export const pageFileName = (contentType: string) =>
  contentType === 'text/plain' ? 'page.txt' : contentType === 'text/markdown' ? 'page.md' : 'page.html';

/**
 * Adding an article by its address: the server fetches the page (with the checks of
 * createPageFetcher), adds its story as an uploaded page is added, and keeps the page as
 * received, with the fetch time, as the article's archived copy.
 */
export function articleUrlRoutes(deps: ApiDeps) {
  const { store, analyser, suggestions, changes, pageFetcher } = deps;
  const routes = new Hono<ApiEnv>();

  routes.post(
    '/stories/:story/articles/from-url',
    requireEditor(deps, 'add articles'),
    idParam('story'),
    jsonBody(addArticleFromUrlRequestSchema),
    async (c) => {
      const { story: storyId } = c.req.valid('param');
      const { url, outlet, createOutlet, published, title } = c.req.valid('json');
      if (!(await store.listStories()).some((story) => story.id === storyId)) {
        return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
      }
      const fetched = await pageFetcher(url);
      if (!fetched.ok) {
        const { code, message } = fetched.refusal;
        return jsonError(c, FETCH_REFUSAL_STATUS[code], code, `url: ${message}`, 'url');
      }
      const { page } = fetched;
      const ingester = await createStoryIngester(store, analyser, storyId, suggestions);
      if (!ingester) return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
      const outcome = await ingester.add(
        {
          content: page.content,
          fileName: pageFileName(page.contentType),
          outlet,
          createOutlet: createOutlet ?? false,
          ...(published ? { published } : {}),
          ...(title ? { title } : {}),
          url: page.url,
        },
        {
          archive: {
            url: page.url,
            fetchedAt: page.fetchedAt,
            contentType: page.contentType,
            content: new TextDecoder().decode(page.content),
          },
        },
      );
      if (!outcome.ok) {
        return jsonError(c, outcome.status, outcome.problem.code, outcome.problem.message, outcome.problem.field);
      }
      changes.publish({ name: 'coverage', data: { story: storyId, kind: 'article', id: outcome.review.article.id } });
      return c.json(outcome.review, 201);
    },
  );

  routes.get(
    '/articles/:article/archive',
    requireEditor(deps, 'read archived pages'),
    idParam('article'),
    async (c) => {
      const { article } = c.req.valid('param');
      const archive = await store.getArticleArchive(article);
      if (!archive) return jsonError(c, 404, 'not_found', `no archived page for the article "${article}"`, 'article');
      return c.json(archive);
    },
  );

  return routes;
}
