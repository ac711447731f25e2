import { Hono } from 'hono';
import { addArticleRequestSchema, rejectSuggestionRequestSchema, type CoverageChangeEvent } from '@/domain/schemas';
import { createStoryIngester, reviewStoredArticle } from '../ingest/story-ingester';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { requireEditor } from './require-role';
import { idParam, jsonBody } from './validators';

/** Room for a 2 MB article in base64 and its metadata; the decoded size is checked again. */
export const MAX_ARTICLE_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Adding coverage: new articles (normalized on the way in, with claim suggestions) and the
 * suggestions editors reject. The mentions and claims they accept are recorded through the
 * claim desk's routes (claim-edit-routes.ts, mention-edit-routes.ts), audited like every edit.
 */
export function coverageRoutes(deps: ApiDeps) {
  const { store, now, changes, analyser, suggestions } = deps;
  const routes = new Hono<ApiEnv>();

  const publish = (data: CoverageChangeEvent) => changes.publish({ name: 'coverage', data });

  routes.post(
    '/stories/:story/articles',
    requireEditor(deps, 'add articles'),
    idParam('story'),
    jsonBody(addArticleRequestSchema),
    async (c) => {
      const { story: storyId } = c.req.valid('param');
      const body = c.req.valid('json');
      const ingester = await createStoryIngester(store, analyser, storyId, suggestions);
      if (!ingester) return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
      const { content, contentBase64, fileName, outlet, createOutlet, published, url, title } = body;
      const outcome = await ingester.add({
        content: contentBase64 !== undefined ? Buffer.from(contentBase64, 'base64') : new TextEncoder().encode(content),
        ...(fileName ? { fileName } : {}),
        ...(title ? { title } : {}),
        outlet,
        createOutlet: createOutlet ?? false,
        published,
        url: url ?? null,
      });
      if (!outcome.ok) {
        return jsonError(c, outcome.status, outcome.problem.code, outcome.problem.message, outcome.problem.field);
      }
      publish({ story: storyId, kind: 'article', id: outcome.review.article.id });
      return c.json(outcome.review, 201);
    },
  );

  // Suggestions are for editors reviewing coverage; the analysis behind them is not for everyone to run.
  routes.get(
    '/articles/:article/suggestions',
    requireEditor(deps, 'review suggestions'),
    idParam('article'),
    async (c) => {
      const { article } = c.req.valid('param');
      const outcome = await reviewStoredArticle(store, analyser, article, suggestions);
      if (!outcome.ok) {
        if (!outcome.problem) return jsonError(c, 404, 'not_found', `no article "${article}"`, 'article');
        return jsonError(c, outcome.status, outcome.problem.code, outcome.problem.message);
      }
      return c.json(outcome.review);
    },
  );

  routes.post(
    '/articles/:article/rejections',
    requireEditor(deps, 'reject suggestions'),
    idParam('article'),
    jsonBody(rejectSuggestionRequestSchema),
    async (c) => {
      const { article: articleId } = c.req.valid('param');
      const body = c.req.valid('json');
      const [article, claim] = await Promise.all([store.getArticle(articleId), store.getClaim(body.claim)]);
      if (!article) return jsonError(c, 404, 'not_found', `no article "${articleId}"`, 'article');
      if (!claim || claim.story !== article.story) {
        return jsonError(c, 404, 'not_found', `no claim "${body.claim}" in this story`, 'claim');
      }
      if (!article.sentences.some(([start]) => start === body.sentenceStart)) {
        return jsonError(
          c,
          400,
          'invalid_body',
          'sentenceStart: no sentence of the article starts there',
          'sentenceStart',
        );
      }
      await store.rejectSuggestion({
        article: articleId,
        ...body,
        editor: c.get('signedIn').username,
        at: now().toISOString(),
      });
      return c.body(null, 204);
    },
  );

  return routes;
}
