import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { shortHash, slugify } from '@/domain/ingest/article-id';
import {
  addArticleRequestSchema,
  addClaimRequestSchema,
  addMentionRequestSchema,
  canEditVerdicts,
  rejectSuggestionRequestSchema,
  unreviewedVerdict,
  type Claim,
  type CoverageChangeEvent,
  type Mention,
} from '@/domain/schemas';
import { anchorAt } from '@/domain/span-anchoring';
import { createStoryIngester, reviewStoredArticle } from '../ingest/story-ingester';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { readJsonBody } from './request-body';
import { readIdParam } from './route-params';
import { logSecurity } from './security-log';

/** Room for a 2 MB article in base64 and its metadata; the decoded size is checked again. */
export const MAX_ARTICLE_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Adding coverage: new articles (normalized on the way in, with claim suggestions), the
 * mentions and claims editors accept from them, and the suggestions they reject.
 */
export function coverageRoutes(deps: ApiDeps) {
  const { store, now, changes, analyser, suggestions } = deps;
  const routes = new Hono<ApiEnv>();

  const refuse = async (c: ApiContext, status: ContentfulStatusCode, code: string, message: string, field?: string) => {
    await logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: ${status} ${code}: ${message}`);
    return jsonError(c, status, code, message, field);
  };
  /** Only editors add coverage; the answer says why anyone else may not. */
  const editorOnly = async (c: ApiContext, what: string) => {
    const user = c.get('user');
    if (!user) return { response: await refuse(c, 401, 'unauthenticated', `sign in to ${what}`) };
    if (!canEditVerdicts(user.role)) {
      return {
        response: await refuse(c, 403, 'forbidden', `${user.username} may read but not ${what} (role ${user.role})`),
      };
    }
    return { user };
  };
  const publish = (data: CoverageChangeEvent) => changes.publish({ name: 'coverage', data });

  routes.post('/stories/:story/articles', async (c) => {
    const auth = await editorOnly(c, 'add articles');
    if ('response' in auth) return auth.response;
    const param = readIdParam(c, 'story');
    if ('response' in param) return param.response;
    const body = await readJsonBody(c, addArticleRequestSchema);
    if ('response' in body) return body.response;
    const ingester = await createStoryIngester(store, analyser, param.id, suggestions);
    if (!ingester) return jsonError(c, 404, 'not_found', `no story "${param.id}"`, 'story');
    const { content, contentBase64, fileName, outlet, published, url, title } = body.data;
    const outcome = await ingester.add({
      content: contentBase64 !== undefined ? Buffer.from(contentBase64, 'base64') : new TextEncoder().encode(content),
      ...(fileName ? { fileName } : {}),
      ...(title ? { title } : {}),
      outlet,
      published,
      url: url ?? null,
    });
    if (!outcome.ok) {
      return jsonError(c, outcome.status, outcome.problem.code, outcome.problem.message, outcome.problem.field);
    }
    publish({ story: param.id, kind: 'article', id: outcome.review.article.id });
    return c.json(outcome.review, 201);
  });

  // Suggestions are for editors reviewing coverage; the analysis behind them is not for everyone to run.
  routes.get('/articles/:article/suggestions', async (c) => {
    const auth = await editorOnly(c, 'review suggestions');
    if ('response' in auth) return auth.response;
    const param = readIdParam(c, 'article');
    if ('response' in param) return param.response;
    const outcome = await reviewStoredArticle(store, analyser, param.id, suggestions);
    if (!outcome.ok) {
      if (!outcome.problem) return jsonError(c, 404, 'not_found', `no article "${param.id}"`, 'article');
      return jsonError(c, outcome.status, outcome.problem.code, outcome.problem.message);
    }
    return c.json(outcome.review);
  });

  routes.post('/stories/:story/mentions', async (c) => {
    const auth = await editorOnly(c, 'add mentions');
    if ('response' in auth) return auth.response;
    const param = readIdParam(c, 'story');
    if ('response' in param) return param.response;
    const body = await readJsonBody(c, addMentionRequestSchema);
    if ('response' in body) return body.response;
    const { claim: claimId, article: articleId, stance, attribution, range } = body.data;
    const [claim, article] = await Promise.all([store.getClaim(claimId), store.getArticle(articleId)]);
    if (!claim || claim.story !== param.id)
      return refuse(c, 404, 'not_found', `no claim "${claimId}" in this story`, 'claim');
    if (!article || article.story !== param.id) {
      return refuse(c, 404, 'not_found', `no article "${articleId}" in this story`, 'article');
    }
    const [start, end] = range;
    if (end > article.body.length) {
      return refuse(
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
    const last = mention.attribution.at(-1);
    if (last?.kind !== 'outlet' || last.id !== article.outlet) {
      return refuse(
        c,
        400,
        'invalid_body',
        'attribution: must end with the outlet that published the article',
        'attribution',
      );
    }
    if ((await store.addMention(mention)) === 'exists') {
      return refuse(c, 409, 'exists', 'this sentence is already recorded with this claim and stance', 'range');
    }
    publish({ story: param.id, kind: 'mention', id: mention.id });
    return c.json(mention, 201);
  });

  routes.post('/stories/:story/claims', async (c) => {
    const auth = await editorOnly(c, 'add claims');
    if ('response' in auth) return auth.response;
    const param = readIdParam(c, 'story');
    if ('response' in param) return param.response;
    const body = await readJsonBody(c, addClaimRequestSchema);
    if ('response' in body) return body.response;
    // The story list answers "does it exist" without assembling a whole story.
    if (!(await store.listStories()).some((story) => story.id === param.id)) {
      return jsonError(c, 404, 'not_found', `no story "${param.id}"`, 'story');
    }
    const claim: Claim = {
      id: `${slugify(body.data.text, 40)}-${shortHash(`${param.id}|${body.data.text}`).slice(0, 6)}`,
      story: param.id,
      text: body.data.text,
      topic: body.data.topic,
      verdict: unreviewedVerdict,
    };
    if ((await store.addClaim(claim)) === 'exists') {
      return refuse(c, 409, 'exists', 'this story already has a claim with this wording', 'text');
    }
    publish({ story: param.id, kind: 'claim', id: claim.id });
    return c.json(claim, 201);
  });

  routes.post('/articles/:article/rejections', async (c) => {
    const auth = await editorOnly(c, 'reject suggestions');
    if ('response' in auth) return auth.response;
    const param = readIdParam(c, 'article');
    if ('response' in param) return param.response;
    const body = await readJsonBody(c, rejectSuggestionRequestSchema);
    if ('response' in body) return body.response;
    const [article, claim] = await Promise.all([store.getArticle(param.id), store.getClaim(body.data.claim)]);
    if (!article) return jsonError(c, 404, 'not_found', `no article "${param.id}"`, 'article');
    if (!claim || claim.story !== article.story) {
      return jsonError(c, 404, 'not_found', `no claim "${body.data.claim}" in this story`, 'claim');
    }
    if (!article.sentences.some(([start]) => start === body.data.sentenceStart)) {
      return jsonError(
        c,
        400,
        'invalid_body',
        'sentenceStart: no sentence of the article starts there',
        'sentenceStart',
      );
    }
    await store.rejectSuggestion({
      article: param.id,
      ...body.data,
      editor: auth.user.username,
      at: now().toISOString(),
    });
    return c.body(null, 204);
  });

  return routes;
}
