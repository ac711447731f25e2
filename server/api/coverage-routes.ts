import { Hono } from 'hono';
import { shortHash, slugify } from '@/domain/ingest/article-id';
import {
  addArticleRequestSchema,
  addClaimRequestSchema,
  addMentionRequestSchema,
  rejectSuggestionRequestSchema,
  singleNode,
  unreviewedVerdict,
  type Claim,
  type CoverageChangeEvent,
  type Mention,
} from '@/domain/schemas';
import { anchorAt } from '@/domain/span-anchoring';
import { createStoryIngester, reviewStoredArticle } from '../ingest/story-ingester';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { requireEditor } from './require-role';
import { refuseChange } from './security-log';
import { idParam, jsonBody } from './validators';

/** Room for a 2 MB article in base64 and its metadata; the decoded size is checked again. */
export const MAX_ARTICLE_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Adding coverage: new articles (normalized on the way in, with claim suggestions), the
 * mentions and claims editors accept from them, and the suggestions they reject.
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
    '/stories/:story/mentions',
    requireEditor(deps, 'add mentions'),
    idParam('story'),
    jsonBody(addMentionRequestSchema),
    async (c) => {
      const { story: storyId } = c.req.valid('param');
      const body = c.req.valid('json');
      const { claim: claimId, article: articleId, stance, attribution, range } = body;
      const [claim, article] = await Promise.all([store.getClaim(claimId), store.getArticle(articleId)]);
      if (!claim || claim.story !== storyId)
        return refuseChange(deps, c, 404, 'not_found', `no claim "${claimId}" in this story`, 'claim');
      if (!article || article.story !== storyId) {
        return refuseChange(deps, c, 404, 'not_found', `no article "${articleId}" in this story`, 'article');
      }
      const [start, end] = range;
      if (end > article.body.length) {
        return refuseChange(
          deps,
          c,
          400,
          'invalid_body',
          `range: ends after the article's ${article.body.length} characters`,
          'range',
        );
      }
      const mention: Mention = {
        id: `m-${shortHash(`${articleId}|${claimId}|${start}|${stance}`)}-${slugify(claimId, 40)}`,
        claim: claimId,
        article: articleId,
        stance,
        attribution: attribution ?? [{ kind: 'outlet', id: article.outlet }],
        spans: [{ ...anchorAt(article.body, start, end), article: articleId }],
      };
      const last = singleNode(mention.attribution.at(-1));
      if (last?.kind !== 'outlet' || last.id !== article.outlet) {
        return refuseChange(
          deps,
          c,
          400,
          'invalid_body',
          'attribution: must end with the outlet that published the article',
          'attribution',
        );
      }
      if ((await store.addMention(mention, now().toISOString())) === 'exists') {
        return refuseChange(
          deps,
          c,
          409,
          'exists',
          'this sentence is already recorded with this claim and stance',
          'range',
        );
      }
      publish({ story: storyId, kind: 'mention', id: mention.id });
      return c.json(mention, 201);
    },
  );

  routes.post(
    '/stories/:story/claims',
    requireEditor(deps, 'add claims'),
    idParam('story'),
    jsonBody(addClaimRequestSchema),
    async (c) => {
      const { story: storyId } = c.req.valid('param');
      const body = c.req.valid('json');
      // The story list answers "does it exist" without assembling a whole story.
      if (!(await store.listStories()).some((story) => story.id === storyId)) {
        return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
      }
      const claim: Claim = {
        id: `${slugify(body.text, 40)}-${shortHash(`${storyId}|${body.text}`).slice(0, 6)}`,
        story: storyId,
        text: body.text,
        topic: body.topic,
        verdict: unreviewedVerdict,
      };
      if ((await store.addClaim(claim)) === 'exists') {
        return refuseChange(deps, c, 409, 'exists', 'this story already has a claim with this wording', 'text');
      }
      publish({ story: storyId, kind: 'claim', id: claim.id });
      return c.json(claim, 201);
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
