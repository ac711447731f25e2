import { Hono, type Context } from 'hono';
import { slugify } from '@/domain/ingest/article-id';
import {
  eventPatchSchema,
  newEventSchema,
  storyEventSchema,
  type EventAction,
  type EventRemoval,
  type StoryBundle,
  type StoryEvent,
  type VersionedEvent,
} from '@/domain/schemas';
import { CorpusError } from '../corpus/corpus-error';
import { resolveDerivedEventDate } from '../corpus/derived-event-dates';
import type { EventWriteResult } from '../store/event-desk-store';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { etagFor, requireIfMatch } from './if-match';
import { requireEditor } from './require-role';
import { logSecurity, refuseChange } from './security-log';
import { idParam, issueField, jsonBody } from './validators';

type Problem = { field: string; message: string };

const logRefusedBody = (deps: ApiDeps) => ({
  onRefused: (c: ApiContext, response: Response) =>
    logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: ${response.status} invalid body`),
});

/**
 * What an event names must exist in its story: participants among the known actors, the
 * mentions that report it, linked events (not itself), the research note of its day, and for
 * a derived date the article and phrase it was resolved from, which must give that date.
 */
async function referenceProblem(deps: ApiDeps, bundle: StoryBundle, event: StoryEvent): Promise<Problem | null> {
  const actors = new Set((await deps.store.listActors()).map((actor) => actor.id));
  const unknownAt = (ids: readonly string[], known: (id: string) => boolean) => ids.findIndex((id) => !known(id));

  const participant = unknownAt(event.participants, (id) => actors.has(id));
  if (participant >= 0) {
    return {
      field: `participants.${participant}`,
      message: `"${event.participants[participant]}" is not a known actor`,
    };
  }
  const mentionIds = new Set(bundle.mentions.map((m) => m.id));
  const mention = unknownAt(event.mentions, (id) => mentionIds.has(id));
  if (mention >= 0) {
    return {
      field: `mentions.${mention}`,
      message: `"${event.mentions[mention]}" is not a mention of story "${bundle.story.id}"`,
    };
  }
  const eventIds = new Set(bundle.events.map((e) => e.id));
  const links = event.related ?? [];
  const link = unknownAt(
    links.map((l) => l.event),
    (id) => id !== event.id && eventIds.has(id),
  );
  if (link >= 0) {
    const target = links[link]?.event ?? '';
    return {
      field: `related.${link}.event`,
      message:
        target === event.id ? 'an event cannot be linked to itself' : `"${target}" is not an event of this story`,
    };
  }
  if (event.date.record !== undefined && !(bundle.story.notes ?? []).some((note) => note.id === event.date.record)) {
    return { field: 'date.record', message: `"${event.date.record}" is not a research note of this story` };
  }
  const derived = event.date.derivedFrom;
  if (derived) {
    const meta = bundle.articles.find((a) => a.id === derived.article);
    const article = meta ? await deps.store.getArticle(meta.id) : null;
    if (!article) {
      return {
        field: 'date.derivedFrom.article',
        message: `"${derived.article}" is not an article of this story`,
      };
    }
    try {
      resolveDerivedEventDate('body', 'date', event.date, new Map([[article.id, article]]));
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      return { field: error.field, message: error.message.replace(/^body: /, '') };
    }
  }
  return null;
}

/** An id from the title, unique among every event there is or was. */
function eventIdCandidates(title: string): string[] {
  const base = slugify(title, 56);
  return [base, ...Array.from({ length: 98 }, (_, i) => `${base}-${i + 2}`)];
}

/** The fields a PATCH leaves as they are, with the ones it sends; an empty list of links removes them. */
function patched(current: VersionedEvent, patch: Partial<Omit<StoryEvent, 'id' | 'story'>>): StoryEvent {
  const { version: _version, related: currentRelated, ...rest } = current;
  const related = patch.related !== undefined ? patch.related : currentRelated;
  const next: StoryEvent = { ...rest, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  delete next.related;
  return related && related.length > 0 ? { ...next, related } : next;
}

/**
 * Events edited in the app: created in a story, changed, removed and restored (which is how a
 * removal is undone). Each change names the version it was based on (If-Match), is recorded in
 * the event's history in the same transaction, and is announced on the change stream.
 */
export function eventRoutes(deps: ApiDeps) {
  const { store, now, changes } = deps;
  const routes = new Hono<ApiEnv>();

  const announce = (story: string, event: string, version: number, action: EventAction) =>
    changes.publish({ name: 'event', data: { story, event, version, action } });

  const refuseStale = async <E extends ApiEnv>(
    c: Context<E>,
    ifMatch: number,
    result: Extract<EventWriteResult<unknown>, { kind: 'stale' }>,
  ) => {
    await logSecurity(
      deps,
      c,
      'change_refused',
      `${c.req.path}: 412 stale_version: based on ${ifMatch}, current ${result.version}`,
    );
    c.header('ETag', etagFor(result.version));
    const state = result.current ? `it is now version ${result.version}` : `it was removed (version ${result.version})`;
    return c.json(
      {
        error: {
          code: 'stale_version',
          message: `the event changed since version ${ifMatch}: ${state}`,
          field: 'If-Match',
        },
        event: result.current,
        version: result.version,
      },
      412,
    );
  };

  const noEvent = <E extends ApiEnv>(c: Context<E>, id: string) =>
    refuseChange(deps, c, 404, 'not_found', `no event "${id}"`, 'event');

  routes.get('/events/:event', idParam('event'), async (c) => {
    const { event: id } = c.req.valid('param');
    const event = await store.getEvent(id);
    if (!event) return jsonError(c, 404, 'not_found', `no event "${id}"`, 'event');
    c.header('ETag', etagFor(event.version));
    return c.json(event);
  });

  routes.get('/events/:event/history', idParam('event'), async (c) => {
    const { event: id } = c.req.valid('param');
    const history = await store.listEventHistory(id);
    if (history.length === 0 && !(await store.getEvent(id))) {
      return jsonError(c, 404, 'not_found', `no event "${id}"`, 'event');
    }
    return c.json(history);
  });

  routes.post(
    '/stories/:story/events',
    requireEditor(deps, 'add events'),
    idParam('story', logRefusedBody(deps)),
    jsonBody(newEventSchema, logRefusedBody(deps)),
    async (c) => {
      const user = c.get('signedIn');
      const { story } = c.req.valid('param');
      const body = c.req.valid('json');
      const bundle = await store.getStoryBundle(story);
      if (!bundle) return refuseChange(deps, c, 404, 'not_found', `no story "${story}"`, 'story');
      const { related, ...fields } = body;
      const draft: StoryEvent = { id: 'new-event', story, ...fields, ...(related?.length ? { related } : {}) };
      const problem = await referenceProblem(deps, bundle, draft);
      if (problem)
        return refuseChange(deps, c, 400, 'invalid_body', `${problem.field}: ${problem.message}`, problem.field);

      for (const id of eventIdCandidates(body.title)) {
        const result = await store.createEvent({
          event: { ...draft, id },
          editor: user.username,
          at: now().toISOString(),
        });
        if (result.kind === 'exists') continue;
        announce(story, id, result.value.version, 'created');
        c.header('ETag', etagFor(result.value.version));
        c.header('Location', `/api/events/${id}`);
        return c.json(result.value, 201);
      }
      return refuseChange(deps, c, 409, 'id_taken', 'too many events have this title; word it differently', 'title');
    },
  );

  routes.patch(
    '/events/:event',
    requireEditor(deps, 'change events', 'change an event'),
    idParam('event', logRefusedBody(deps)),
    requireIfMatch(deps, 'the event version'),
    jsonBody(eventPatchSchema, logRefusedBody(deps)),
    async (c) => {
      const user = c.get('signedIn');
      const { event: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const patch = c.req.valid('json');
      const current = await store.getEvent(id);
      if (!current) {
        const history = await store.listEventHistory(id);
        const last = history.at(-1);
        if (last?.action === 'removed')
          return refuseStale(c, ifMatch, { kind: 'stale', current: null, version: last.version });
        return noEvent(c, id);
      }
      if (current.version !== ifMatch)
        return refuseStale(c, ifMatch, { kind: 'stale', current, version: current.version });
      const next = patched(current, patch);
      const valid = storyEventSchema.safeParse(next);
      if (!valid.success) {
        const field = issueField(valid.error.issues[0]?.path ?? []) ?? 'date';
        const message = `${field}: ${valid.error.issues[0]?.message ?? 'is invalid'}`;
        return refuseChange(deps, c, 400, 'invalid_body', message, field);
      }
      const bundle = await store.getStoryBundle(current.story);
      if (!bundle) return noEvent(c, id);
      const problem = await referenceProblem(deps, bundle, next);
      if (problem)
        return refuseChange(deps, c, 400, 'invalid_body', `${problem.field}: ${problem.message}`, problem.field);

      const result = await store.updateEvent({
        id,
        expectedVersion: ifMatch,
        event: next,
        editor: user.username,
        at: now().toISOString(),
      });
      if (result.kind === 'not_found') return noEvent(c, id);
      if (result.kind === 'stale') return refuseStale(c, ifMatch, result);
      announce(result.value.story, id, result.value.version, 'edited');
      c.header('ETag', etagFor(result.value.version));
      return c.json(result.value);
    },
  );

  routes.delete(
    '/events/:event',
    requireEditor(deps, 'remove events', 'remove an event'),
    idParam('event', logRefusedBody(deps)),
    requireIfMatch(deps, 'the event version'),
    async (c) => {
      const user = c.get('signedIn');
      const { event: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const current = await store.getEvent(id);
      if (current && current.version === ifMatch) {
        const bundle = await store.getStoryBundle(current.story);
        const linking = bundle?.events.find((e) => e.id !== id && e.related?.some((link) => link.event === id));
        if (linking) {
          const message = `"${linking.title}" (${linking.id}) is linked to this event; remove that link first`;
          return refuseChange(deps, c, 409, 'linked', message, 'related');
        }
      }
      const result = await store.removeEvent({
        id,
        expectedVersion: ifMatch,
        editor: user.username,
        at: now().toISOString(),
      });
      if (result.kind === 'not_found') return noEvent(c, id);
      if (result.kind === 'stale') return refuseStale(c, ifMatch, result);
      const { event, version } = result.value;
      announce(event.story, id, version, 'removed');
      c.header('ETag', etagFor(version));
      return c.json({ removed: true, event, version } satisfies EventRemoval);
    },
  );

  routes.post(
    '/events/:event/restore',
    requireEditor(deps, 'restore events', 'restore an event'),
    idParam('event', logRefusedBody(deps)),
    requireIfMatch(deps, 'the version of the removal'),
    async (c) => {
      const user = c.get('signedIn');
      const { event: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const last = (await store.listEventHistory(id)).at(-1);
      if (last?.action === 'removed' && last.version === ifMatch && last.from) {
        // What it named may have gone meanwhile: restoring must not bring back a dangling reference.
        const bundle = await store.getStoryBundle(last.story);
        const problem = bundle ? await referenceProblem(deps, bundle, last.from) : null;
        if (problem) {
          return refuseChange(deps, c, 409, 'reference_gone', `${problem.field}: ${problem.message}`, problem.field);
        }
      }
      const result = await store.restoreEvent({
        id,
        expectedVersion: ifMatch,
        editor: user.username,
        at: now().toISOString(),
      });
      if (result.kind === 'not_found') return noEvent(c, id);
      if (result.kind === 'stale') return refuseStale(c, ifMatch, result);
      announce(result.value.story, id, result.value.version, 'restored');
      c.header('ETag', etagFor(result.value.version));
      return c.json(result.value);
    },
  );

  // The history is a record: nothing edits or removes it.
  routes.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/events/:event/history', async (c) => {
    await logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: the history is append-only`);
    c.header('Allow', 'GET');
    return jsonError(c, 405, 'method_not_allowed', 'the event history cannot be changed');
  });

  return routes;
}
