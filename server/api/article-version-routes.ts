import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  addArticleVersionRequestSchema,
  type AddArticleVersionResponse,
  type Article,
  type StoryBundle,
  type VerdictChangeEvent,
} from '@/domain/schemas';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { FETCH_REFUSAL_STATUS, pageFileName } from './article-url-routes';
import { etagFor, requireIfMatch } from './if-match';
import { requireEditor } from './require-role';
import { logSecurity, refuseChange } from './security-log';
import { idParam, jsonBody } from './validators';

const versionParam = z.object({ version: z.string().check(z.regex(/^[1-9]\d{0,5}$/, 'must be a version number')) });

/** A story with nothing in it to compare a new text with: a version is normalized, never matched. */
const emptyBundleOf = (story: StoryBundle['story']): StoryBundle => ({
  story,
  outlets: [],
  actors: [],
  articles: [],
  claims: [],
  mentions: [],
  events: [],
  passages: [],
});

/**
 * Versions of an article: a new text replaces the served one (the earlier ones are kept),
 * its evidence re-anchored and the verdicts resting on changed evidence flagged; an editor's
 * review of such a claim clears its flag.
 */
export function articleVersionRoutes(deps: ApiDeps) {
  const { store, now, changes, analyser, pageFetcher } = deps;
  const routes = new Hono<ApiEnv>();

  routes.get('/articles/:article/versions', idParam('article'), async (c) => {
    const { article } = c.req.valid('param');
    const versions = await store.listArticleVersions(article);
    if (!versions) return jsonError(c, 404, 'not_found', `no article "${article}"`, 'article');
    c.header('ETag', etagFor(versions.current));
    return c.json(versions);
  });

  routes.get('/articles/:article/versions/:version', idParam('article'), async (c) => {
    const { article } = c.req.valid('param');
    const parsed = versionParam.safeParse({ version: c.req.param('version') });
    if (!parsed.success) return jsonError(c, 400, 'invalid_param', 'version: must be a version number', 'version');
    const found = await store.getArticleVersion(article, Number(parsed.data.version));
    if (!found) return jsonError(c, 404, 'not_found', `no version ${parsed.data.version} of "${article}"`, 'version');
    return c.json(found);
  });

  routes.post(
    '/articles/:article/versions',
    requireEditor(deps, 'update articles'),
    idParam('article', {
      onRefused: (c) => logSecurity(deps, c, 'change_refused', `${c.req.path}: invalid article id`),
    }),
    requireIfMatch(deps, 'the article version'),
    jsonBody(addArticleVersionRequestSchema, {
      onRefused: (c, response) =>
        logSecurity(deps, c, 'change_refused', `${c.req.path}: ${response.status} invalid body`),
    }),
    async (c) => {
      const user = c.get('signedIn');
      const { article: articleId } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const body = c.req.valid('json');
      const article: Article | null = await store.getArticle(articleId);
      if (!article) return refuseChange(deps, c, 404, 'not_found', `no article "${articleId}"`, 'article');
      const [stories, outlets] = await Promise.all([store.listStories(), store.listOutlets()]);
      const story = stories.find((s) => s.id === article.story);
      const outlet = outlets.find((o) => o.id === article.outlet);
      if (!story || !outlet) return refuseChange(deps, c, 404, 'not_found', `no story for "${articleId}"`, 'article');
      // A page fetched again goes through the same checks as adding one by its address.
      let content: Uint8Array;
      let fileName = body.fileName;
      if (body.url !== undefined) {
        const fetched = await pageFetcher(body.url);
        if (!fetched.ok) {
          const { code, message } = fetched.refusal;
          return refuseChange(deps, c, FETCH_REFUSAL_STATUS[code], code, `url: ${message}`, 'url');
        }
        content = fetched.page.content;
        fileName = pageFileName(fetched.page.contentType);
      } else {
        content =
          body.contentBase64 !== undefined
            ? Buffer.from(body.contentBase64, 'base64')
            : new TextEncoder().encode(body.content);
      }
      // The same normalization as adding an article (decoding, HTML and Markdown to text,
      // paragraphs and sentences), in the analysis workers with their time limit.
      const prepared = await analyser.prepare({
        input: {
          content,
          ...(fileName ? { fileName } : {}),
          ...(body.title ? { title: body.title } : {}),
          outlet: outlet.id,
          published: article.published.date,
          url: article.source.url,
        },
        sources: {
          story: emptyBundleOf({ id: story.id, title: story.title, summary: story.summary }),
          bodies: new Map(),
          outlets: [outlet],
          actors: [],
        },
        withPassages: false,
      });
      if (!prepared.ok) {
        const { code, message, field } = prepared.problem;
        const status = code === 'busy' ? 503 : 422;
        return refuseChange(deps, c, status, code, message, field);
      }
      const text = prepared.prepared.article;
      const result = await store.addArticleVersion({
        articleId,
        expectedVersion: ifMatch,
        title: body.title?.trim() ? text.title : article.title,
        body: text.body,
        paragraphs: text.paragraphs,
        sentences: text.sentences,
        editor: user.username,
        at: now().toISOString(),
      });
      if (result.kind === 'not_found') {
        return refuseChange(deps, c, 404, 'not_found', `no article "${articleId}"`, 'article');
      }
      if (result.kind === 'stale') {
        c.header('ETag', etagFor(result.current));
        return refuseChange(
          deps,
          c,
          412,
          'stale_version',
          `the article changed since version ${ifMatch}: it is now version ${result.current}`,
          'If-Match',
        );
      }
      if (result.kind === 'unchanged') {
        return refuseChange(deps, c, 409, 'unchanged', 'the text is the same as the current version', 'content');
      }
      changes.publish({ name: 'coverage', data: { story: article.story, kind: 'article', id: articleId } });
      const answer: AddArticleVersionResponse = {
        version: result.version,
        changes: result.changes,
        flaggedClaims: result.flaggedClaims,
      };
      c.header('ETag', etagFor(result.version.version));
      return c.json(answer, 201);
    },
  );

  routes.post(
    '/claims/:claim/evidence-review',
    requireEditor(deps, 'review changed evidence'),
    idParam('claim', {
      onRefused: (c) => logSecurity(deps, c, 'change_refused', `${c.req.path}: invalid claim id`),
    }),
    requireIfMatch(deps, 'the verdict version'),
    async (c) => {
      const user = c.get('signedIn');
      const { claim: claimId } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.reviewEvidence({
        claimId,
        expectedVersion: ifMatch,
        editor: user.username,
        at: now().toISOString(),
      });
      if (result.kind === 'not_found') return refuseChange(deps, c, 404, 'not_found', `no claim "${claimId}"`, 'claim');
      if (result.kind === 'stale') {
        c.header('ETag', etagFor(result.claim.verdict.version));
        return refuseChange(
          deps,
          c,
          412,
          'stale_version',
          `the verdict changed since version ${ifMatch}: it is now version ${result.claim.verdict.version}`,
          'If-Match',
        );
      }
      if (result.kind === 'nothing_to_review') {
        return refuseChange(deps, c, 409, 'nothing_to_review', 'no evidence changed since this verdict', 'claim');
      }
      const event: VerdictChangeEvent = {
        claim: result.claim.id,
        story: result.claim.story,
        version: result.claim.verdict.version,
        verdict: result.claim.verdict,
      };
      changes.publish({ name: 'verdict', data: event });
      changes.publish({ name: 'coverage', data: { story: result.claim.story, kind: 'claim', id: result.claim.id } });
      c.header('ETag', etagFor(result.claim.verdict.version));
      return c.json(result.claim);
    },
  );

  return routes;
}
