import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  articleSchema,
  eventRemovalSchema,
  staleEventBodySchema,
  versionedEventSchema,
  type EventPatch,
  type NewEvent,
  type StoryEvent,
  type VersionedEvent,
} from '@/domain/schemas';
import { ApiError } from '@/lib/api/api-error';
import { getJson } from '@/lib/api/get-json';
import { sendJson } from '@/lib/api/send-json';
import { sessionQueries } from '@/lib/api/session-queries';
import { overviewReadsOf } from '@/lib/api/story-part-queries';
import { storyQueries } from '@/lib/api/story-queries';

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

/** One event with its version (the bundle carries none), and an article's text to pick a sentence from. */
export const eventQueries = {
  all: () => ['events'] as const,
  detail: (eventId: string) =>
    queryOptions({
      queryKey: [...eventQueries.all(), eventId] as const,
      queryFn: ({ signal }) => getJson(eventPath(eventId), versionedEventSchema, signal),
      staleTime: 0,
    }),
  article: (articleId: string) =>
    queryOptions({
      queryKey: ['articles', articleId] as const,
      queryFn: ({ signal }) => getJson(`/api/articles/${encodeURIComponent(articleId)}`, articleSchema, signal),
      staleTime: Infinity,
    }),
};

/** An accepted change, with what undoes it: the change's inverse, based on the version it left. */
export type EventChange =
  | { kind: 'created'; event: VersionedEvent }
  | { kind: 'edited'; event: VersionedEvent; before: StoryEvent }
  | { kind: 'removed'; event: StoryEvent; version: number }
  | { kind: 'restored'; event: VersionedEvent };

type EventRequest =
  | { kind: 'create'; story: string; body: NewEvent }
  | { kind: 'edit'; id: string; version: number; patch: EventPatch }
  | { kind: 'remove'; id: string; version: number }
  | { kind: 'restore'; id: string; version: number };

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** The editable fields of an event, as a PATCH that puts them all back. */
export function fieldsOf(event: StoryEvent): EventPatch {
  return {
    title: event.title,
    kind: event.kind,
    format: event.format,
    status: event.status,
    date: event.date,
    participants: event.participants,
    mentions: event.mentions,
    related: event.related ?? [],
  };
}

async function send(request: EventRequest): Promise<EventChange> {
  switch (request.kind) {
    case 'create': {
      const path = `/api/stories/${encodeURIComponent(request.story)}/events`;
      const event = await sendJson(path, { method: 'POST', body: request.body }, versionedEventSchema);
      return { kind: 'created', event };
    }
    case 'edit': {
      const before = await getJson(eventPath(request.id), versionedEventSchema);
      if (before.version !== request.version) {
        throw new ApiError(412, 'stale_version', 'Another editor changed this event first.', 'If-Match', {
          event: before,
        });
      }
      const event = await sendJson(
        eventPath(request.id),
        { method: 'PATCH', headers: ifMatch(request.version), body: request.patch },
        versionedEventSchema,
      );
      const { version: _version, ...plain } = before;
      return { kind: 'edited', event, before: plain };
    }
    case 'remove': {
      const removal = await sendJson(
        eventPath(request.id),
        { method: 'DELETE', headers: ifMatch(request.version) },
        eventRemovalSchema,
      );
      return { kind: 'removed', event: removal.event, version: removal.version };
    }
    case 'restore': {
      const event = await sendJson(
        `${eventPath(request.id)}/restore`,
        { method: 'POST', headers: ifMatch(request.version) },
        versionedEventSchema,
      );
      return { kind: 'restored', event };
    }
  }
}

/** The request that undoes a change: delete what was added, put back what was edited or removed. */
export function inverseOf(change: EventChange): EventRequest {
  switch (change.kind) {
    case 'created':
    case 'restored':
      return { kind: 'remove', id: change.event.id, version: change.event.version };
    case 'edited':
      return { kind: 'edit', id: change.event.id, version: change.event.version, patch: fieldsOf(change.before) };
    case 'removed':
      return { kind: 'restore', id: change.event.id, version: change.version };
  }
}

/** The event a 412 carries: as another editor left it (null: removed). */
export function staleEventOf(error: unknown): { event: VersionedEvent | null } | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const body = staleEventBodySchema.safeParse(error.body);
  if (body.success) return { event: body.data.event };
  const event = versionedEventSchema.safeParse((error.body as { event?: unknown } | undefined)?.event);
  return event.success ? { event: event.data } : null;
}

/** Sends an event change; the story's overview and the event are refetched, so every view shows it. */
export function useEventChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: async (change, error, request) => {
      if (error instanceof ApiError && error.status === 401) {
        void client.invalidateQueries({ queryKey: sessionQueries.current().queryKey });
      }
      const story = request.kind === 'create' ? request.story : change?.event.story;
      await client.invalidateQueries({ queryKey: eventQueries.all() });
      if (story) await client.invalidateQueries(overviewReadsOf(story));
      else await client.invalidateQueries({ queryKey: storyQueries.all() });
    },
  });
}
