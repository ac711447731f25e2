import { Hono, type Context } from 'hono';
import { validator } from 'hono/validator';
import { shortHash, slugify } from '@/domain/ingest/article-id';
import {
  addClaimRequestSchema,
  claimMergeSchema,
  claimPatchSchema,
  topicNameSchema,
  topicRenameSchema,
  unreviewedVerdict,
  type Claim,
  type Topic,
} from '@/domain/schemas';
import type { DeskAuthor } from '../store/claim-desk-store';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { answerDesk } from './desk-answers';
import { jsonError } from './api-errors';
import { requireIfMatch } from './if-match';
import { requireEditor, type SignedInEnv } from './require-role';
import { idParam, jsonBody } from './validators';

const showClaim = (claim: Claim) => ({
  body: claim,
  version: claim.verdict.version,
  feed: { story: claim.story, kind: 'claim' as const, id: claim.id },
});
const staleClaim = (claim: Claim | null) => ({
  body: claim ? { claim } : {},
  version: claim?.verdict.version ?? null,
});

/** A topic named in the path: any wording a topic may have. */
const topicParam = () =>
  validator('param', (params: Record<string, string>, c: ApiContext) => {
    const story = params.story ?? '';
    const result = topicNameSchema.safeParse(params.topic ?? '');
    if (!result.success) return jsonError(c, 400, 'invalid_parameter', 'topic: name a topic', 'topic');
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(story)) {
      return jsonError(c, 400, 'invalid_parameter', 'story is not a story id', 'story');
    }
    return { story, topic: result.data };
  });

/**
 * The desk's own claims: created, reworded (the old wording stays in the claim's history),
 * moved to another topic, merged into another claim (the old id leads there), removed while
 * no mention carries them; topics renamed. Each change names the version it was based on and
 * can be undone while nothing has changed the claim since.
 */
export function claimEditRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  const routes = new Hono<ApiEnv>();
  const by = (c: Context<SignedInEnv>): DeskAuthor => ({ editor: c.get('signedIn').username, at: now().toISOString() });
  const storyExists = async (id: string) => (await store.listStories()).some((story) => story.id === id);

  routes.post(
    '/stories/:story/claims',
    requireEditor(deps, 'add claims'),
    idParam('story'),
    jsonBody(addClaimRequestSchema),
    async (c) => {
      const { story } = c.req.valid('param');
      const { text, topic } = c.req.valid('json');
      if (!(await storyExists(story))) return jsonError(c, 404, 'not_found', `no story "${story}"`, 'story');
      const at = now().toISOString();
      const claim: Claim = {
        id: `${slugify(text, 40)}-${shortHash(`${story}|${text}|${at}|${Math.random()}`).slice(0, 6)}`,
        story,
        text,
        topic,
        verdict: unreviewedVerdict,
      };
      const result = await store.createClaim(claim, by(c));
      return answerDesk(deps, c, result, { noun: 'claim', ifMatch: 0, status: 201 }, showClaim, staleClaim);
    },
  );

  routes.patch(
    '/claims/:claim',
    requireEditor(deps, 'change claims'),
    idParam('claim'),
    requireIfMatch(deps, 'the claim version'),
    jsonBody(claimPatchSchema),
    async (c) => {
      const { claim: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.editClaim({ id, expectedVersion: ifMatch, ...c.req.valid('json') }, by(c));
      return answerDesk(deps, c, result, { noun: 'claim', ifMatch }, showClaim, staleClaim);
    },
  );

  routes.post(
    '/claims/:claim/merge',
    requireEditor(deps, 'merge claims'),
    idParam('claim'),
    requireIfMatch(deps, 'the claim version'),
    jsonBody(claimMergeSchema),
    async (c) => {
      const { claim: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const { into } = c.req.valid('json');
      const result = await store.mergeClaim({ id, into, expectedVersion: ifMatch }, by(c));
      return answerDesk(
        deps,
        c,
        result,
        { noun: 'claim', ifMatch },
        ({ claim, into: target }) => ({
          body: { claim, into: target },
          version: claim.verdict.version,
          // The duplicate's mentions are the target's now: both claims' evidence changed.
          feed: { story: claim.story, kind: 'claim', id: target.id, claim: claim.id },
        }),
        staleClaim,
      );
    },
  );

  routes.delete(
    '/claims/:claim',
    requireEditor(deps, 'delete claims'),
    idParam('claim'),
    requireIfMatch(deps, 'the claim version'),
    async (c) => {
      const { claim: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.removeClaim({ id, expectedVersion: ifMatch }, by(c));
      return answerDesk(deps, c, result, { noun: 'claim', ifMatch }, showClaim, staleClaim);
    },
  );

  routes.post(
    '/claims/:claim/undo',
    requireEditor(deps, 'undo changes of claims'),
    idParam('claim'),
    requireIfMatch(deps, 'the claim version'),
    async (c) => {
      const { claim: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.undoClaim({ id, expectedVersion: ifMatch }, by(c));
      return answerDesk(deps, c, result, { noun: 'claim', ifMatch }, showClaim, staleClaim);
    },
  );

  routes.get('/claims/:claim/edits', idParam('claim'), async (c) => {
    const { claim: id } = c.req.valid('param');
    return c.json(await store.listDeskEdits('claim', id));
  });

  routes.get('/stories/:story/topics', idParam('story'), async (c) => {
    const { story } = c.req.valid('param');
    if (!(await storyExists(story))) return jsonError(c, 404, 'not_found', `no story "${story}"`, 'story');
    return c.json(await store.listTopics(story));
  });

  const showTopic = (story: string) => (topic: Topic) => ({
    body: topic,
    version: topic.version,
    feed: { story, kind: 'claim' as const, id: story },
  });
  const staleTopic = (topic: Topic) => ({ body: { topic }, version: topic.version });

  routes.patch(
    '/stories/:story/topics/:topic',
    requireEditor(deps, 'rename topics'),
    topicParam(),
    requireIfMatch(deps, 'the topic version'),
    jsonBody(topicRenameSchema),
    async (c) => {
      const { story, topic } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const { name } = c.req.valid('json');
      const result = await store.renameTopic({ story, from: topic, to: name, expectedVersion: ifMatch }, by(c));
      return answerDesk(deps, c, result, { noun: 'topic', ifMatch }, showTopic(story), staleTopic);
    },
  );

  routes.post(
    '/stories/:story/topics/:topic/undo',
    requireEditor(deps, 'undo changes of topics'),
    topicParam(),
    requireIfMatch(deps, 'the topic version'),
    async (c) => {
      const { story, topic } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.undoTopic({ story, name: topic, expectedVersion: ifMatch }, by(c));
      return answerDesk(deps, c, result, { noun: 'topic', ifMatch }, showTopic(story), staleTopic);
    },
  );

  return routes;
}
