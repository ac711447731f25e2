import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { shortHash, slugify } from '@/domain/ingest/article-id';
import {
  mentionPatchSchema,
  newActorRequestSchema,
  newMentionRequestSchema,
  type Actor,
  type Article,
  type AttributionStep,
  type Mention,
  type SpanInput,
  idSchema,
} from '@/domain/schemas';
import type { DeskAuthor, StoredMention } from '../store/claim-desk-store';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { answerDesk } from './desk-answers';
import { etagFor, requireIfMatch } from './if-match';
import { checkChain, resolveSpans } from './mention-checks';
import { requireEditor, type SignedInEnv } from './require-role';
import { refuseChange } from './security-log';
import { idParam, jsonBody } from './validators';

const mentionPlaceSchema = z.object({ claim: idSchema, article: idSchema });

const showMention = ({ story, ...mention }: StoredMention) => ({
  body: mention,
  version: mention.version,
  feed: { story, kind: 'mention' as const, id: mention.id, claim: mention.claim, article: mention.article },
});
/** The claim and article a mention's stored form names, for the live update of its removal. */
const placeOf = (stored: unknown) => {
  const place = mentionPlaceSchema.safeParse(stored);
  return place.success ? place.data : {};
};
const staleMention = (mention: StoredMention | null) => ({
  body: mention ? { mention: showMention(mention).body } : {},
  version: mention?.version ?? null,
});

/**
 * Evidence the desk records and corrects: a mention of a claim in an article (an article may
 * carry a claim more than once), its stance, its spans (each on word boundaries, resolving in
 * the text) and its attribution chain (known sources, ending with the publishing outlet, a
 * step holding co-sources where several spoke as one); the sources such chains name.
 */
export function mentionEditRoutes(deps: ApiDeps) {
  const { store, now } = deps;
  const routes = new Hono<ApiEnv>();
  const by = (c: Context<SignedInEnv>): DeskAuthor => ({ editor: c.get('signedIn').username, at: now().toISOString() });

  /** The spans resolved and the chain checked against the article, or the refusal naming the field. */
  const checked = async (
    c: Context<SignedInEnv>,
    article: Article,
    spans?: readonly SpanInput[],
    chain?: AttributionStep[],
    fieldOf?: (index: number) => string,
  ) => {
    const resolved = spans ? resolveSpans(article, spans, fieldOf) : undefined;
    if (resolved && !Array.isArray(resolved)) {
      return { refusal: await refuseChange(deps, c, 400, 'invalid_body', resolved.message, resolved.field) };
    }
    if (chain) {
      const [actors, outlets] = await Promise.all([store.listActors(), store.listOutlets()]);
      const problem = checkChain(chain, article, { actors, outlets });
      if (problem) return { refusal: await refuseChange(deps, c, 400, 'invalid_body', problem.message, problem.field) };
    }
    return { spans: resolved };
  };

  routes.post(
    '/stories/:story/mentions',
    requireEditor(deps, 'add mentions'),
    idParam('story'),
    jsonBody(newMentionRequestSchema),
    async (c) => {
      const { story } = c.req.valid('param');
      const body = c.req.valid('json');
      const [claim, article] = await Promise.all([store.getClaim(body.claim), store.getArticle(body.article)]);
      if (!claim || claim.story !== story) {
        return refuseChange(deps, c, 404, 'not_found', `no claim "${body.claim}" in this story`, 'claim');
      }
      if (!article || article.story !== story) {
        return refuseChange(deps, c, 404, 'not_found', `no article "${body.article}" in this story`, 'article');
      }
      const spanInputs = body.spans ?? (body.range ? [{ start: body.range[0], end: body.range[1] }] : []);
      const attribution = body.attribution ?? [{ kind: 'outlet' as const, id: article.outlet }];
      const result = await checked(c, article, spanInputs, attribution, body.range ? () => 'range' : undefined);
      if ('refusal' in result) return result.refusal;
      const spans = result.spans ?? [];
      const first = spans[0]?.start ?? 0;
      const mention: Mention = {
        id: `m-${shortHash(`${article.id}|${claim.id}|${first}|${body.stance}|${now().toISOString()}|${Math.random()}`)}-${slugify(claim.id, 40)}`,
        claim: claim.id,
        article: article.id,
        stance: body.stance,
        attribution,
        spans,
      };
      const created = await store.createMention(mention, by(c));
      return answerDesk(deps, c, created, { noun: 'mention', ifMatch: 0, status: 201 }, showMention, staleMention);
    },
  );

  routes.get('/mentions/:mention', idParam('mention'), async (c) => {
    const { mention: id } = c.req.valid('param');
    const mention = await store.getMention(id);
    if (!mention) return jsonError(c, 404, 'not_found', `no mention "${id}"`, 'mention');
    c.header('ETag', etagFor(mention.version));
    return c.json(showMention(mention).body);
  });

  routes.patch(
    '/mentions/:mention',
    requireEditor(deps, 'change mentions'),
    idParam('mention'),
    requireIfMatch(deps, 'the mention version'),
    jsonBody(mentionPatchSchema),
    async (c) => {
      const { mention: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const patch = c.req.valid('json');
      const current = await store.getMention(id);
      if (!current) return refuseChange(deps, c, 404, 'not_found', `no mention "${id}"`, 'mention');
      const article = await store.getArticle(current.article);
      if (!article) return refuseChange(deps, c, 404, 'not_found', `no article "${current.article}"`, 'article');
      const result = await checked(c, article, patch.spans, patch.attribution);
      if ('refusal' in result) return result.refusal;
      const edited = await store.editMention(
        {
          id,
          expectedVersion: ifMatch,
          ...(patch.stance !== undefined ? { stance: patch.stance } : {}),
          ...(patch.attribution !== undefined ? { attribution: patch.attribution } : {}),
          ...(result.spans !== undefined ? { spans: result.spans } : {}),
        },
        by(c),
      );
      return answerDesk(deps, c, edited, { noun: 'mention', ifMatch }, showMention, staleMention);
    },
  );

  routes.delete(
    '/mentions/:mention',
    requireEditor(deps, 'delete mentions'),
    idParam('mention'),
    requireIfMatch(deps, 'the mention version'),
    async (c) => {
      const { mention: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.removeMention({ id, expectedVersion: ifMatch }, by(c));
      return answerDesk(deps, c, result, { noun: 'mention', ifMatch }, showMention, staleMention);
    },
  );

  routes.post(
    '/mentions/:mention/undo',
    requireEditor(deps, 'undo changes of mentions'),
    idParam('mention'),
    requireIfMatch(deps, 'the mention version'),
    async (c) => {
      const { mention: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const result = await store.undoMention({ id, expectedVersion: ifMatch }, by(c));
      if (result.kind === 'done' && result.value === null) {
        // The undo took back the mention's creation: nothing is left to show but the entry.
        const { edit } = result;
        deps.changes.publish({
          name: 'coverage',
          data: { story: edit.story, kind: 'mention', id, ...placeOf(edit.before) },
        });
        c.header('ETag', etagFor(edit.version));
        c.header('Parallax-Edit', String(edit.id));
        return c.json({ removed: id });
      }
      return answerDesk(
        deps,
        c,
        result.kind === 'done' && result.value !== null ? { ...result, value: result.value } : result,
        { noun: 'mention', ifMatch },
        (mention) => showMention(mention as StoredMention),
        staleMention,
      );
    },
  );

  routes.get('/mentions/:mention/edits', idParam('mention'), async (c) => {
    const { mention: id } = c.req.valid('param');
    return c.json(await store.listDeskEdits('mention', id));
  });

  routes.get('/actors', async (c) => c.json(await store.listActors()));
  routes.get('/outlets', async (c) => c.json(await store.listOutlets()));

  routes.post(
    '/stories/:story/actors',
    requireEditor(deps, 'add sources'),
    idParam('story'),
    jsonBody(newActorRequestSchema),
    async (c) => {
      const { story } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!(await store.listStories()).some((s) => s.id === story)) {
        return jsonError(c, 404, 'not_found', `no story "${story}"`, 'story');
      }
      const actor: Actor = {
        id: `${slugify(body.name, 48)}-${shortHash(`${body.name}|${now().toISOString()}`).slice(0, 4)}`,
        name: body.name,
        kind: body.kind,
        description: body.description ?? '',
      };
      const result = await store.createActor(actor, story, by(c));
      return answerDesk(
        deps,
        c,
        result,
        { noun: 'source', ifMatch: 0, status: 201 },
        (value) => ({ body: value, version: 1, feed: { story, kind: 'actor', id: value.id } }),
        () => ({ body: {}, version: null }),
      );
    },
  );

  return routes;
}
