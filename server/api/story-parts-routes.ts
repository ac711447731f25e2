import { Hono } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { evidenceScopeSchema, type StoryChanges } from '@/domain/schemas';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { revalidatedStoryRead } from './story-etag';
import { idParam, idParams, issueField } from './validators';

/** How many changed rows a catching-up page is sent; past it, it reads the story again. */
export const MAX_LISTED_CHANGES = 2_000;

const sinceSchema = z.string().check(z.regex(/^[0-9a-z]+\.[0-9]{1,15}$/, 'must be a version such as "a1b2c3.42"'));

const evidenceQuery = validator('query', (query, c: ApiContext) => {
  const result = z.strictObject(evidenceScopeSchema.shape).safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field =
      issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'query') : (issueField(issue?.path ?? []) ?? 'query');
    return jsonError(c, 400, 'invalid_parameter', `${field}: ${issue?.message ?? 'is invalid'}`, field);
  }
  if (result.data.claim === undefined && result.data.article === undefined) {
    return jsonError(c, 400, 'invalid_parameter', 'name a claim, an article, or both', 'claim');
  }
  return result.data;
});

const sinceQuery = validator('query', (query, c: ApiContext) => {
  const result = sinceSchema.safeParse(query.since);
  if (!result.success) {
    return jsonError(c, 400, 'invalid_parameter', `since ${result.error.issues[0]?.message ?? 'is invalid'}`, 'since');
  }
  const [epoch = '', version = '0'] = result.data.split('.');
  return { epoch, version: Number(version) };
});

/**
 * A story in the parts its views need, each revalidated by the story's version:
 * - GET /stories/:story/overview: the first view of every view (claims, article metadata,
 *   stance cells, events, topics, counts), no evidence text;
 * - GET /stories/:story/evidence?claim=&article=: the mentions with their evidence of a claim,
 *   an article or one cell, and an article's shared passages;
 * - GET /stories/:story/passages/:passage: one shared passage, for a link that follows one
 *   none of the open articles carries;
 * - GET /stories/:story/changes?since=EPOCH.VERSION: what changed since a version, so a page
 *   that missed live updates refetches only that.
 */
export function storyPartsRoutes({ store, storyReads }: ApiDeps) {
  const routes = new Hono<ApiEnv>();

  routes.get('/stories/:story/overview', idParam('story'), (c) => {
    const { story } = c.req.valid('param');
    return revalidatedStoryRead(c, store, story, 'overview', () => store.getStoryOverview(story), storyReads);
  });

  routes.get('/stories/:story/evidence', idParam('story'), evidenceQuery, (c) => {
    const { story } = c.req.valid('param');
    const scope = c.req.valid('query');
    return revalidatedStoryRead(c, store, story, 'evidence', () => store.getStoryEvidence(story, scope));
  });

  routes.get('/stories/:story/passages/:passage', idParams(['story', 'passage']), async (c) => {
    const { story, passage } = c.req.valid('param');
    if (!(await store.getStoryVersion(story))) return jsonError(c, 404, 'not_found', `no story "${story}"`, 'story');
    const found = await store.getStoryPassage(story, passage);
    if (!found) return jsonError(c, 404, 'not_found', `no shared passage "${passage}" in this story`, 'passage');
    return c.json(found);
  });

  routes.get('/stories/:story/changes', idParam('story'), sinceQuery, async (c) => {
    const { story } = c.req.valid('param');
    const since = c.req.valid('query');
    const changes: StoryChanges | null = await store.listStoryChanges(story, since, MAX_LISTED_CHANGES);
    if (!changes) return jsonError(c, 404, 'not_found', `no story "${story}"`, 'story');
    return c.json(changes);
  });

  return routes;
}
