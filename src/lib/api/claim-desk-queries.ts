import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { actorSchema, deskEditSchema, outletSchema, topicSchema, versionedMentionSchema } from '@/domain/schemas';
import { claimQueries, notAMention } from './claim-queries';
import { deskPaths } from './desk-paths';
import { getJson } from './get-json';
import { sendJson } from './send-json';
import { refreshPartsAfterDeskChange } from './desk-change-refresh';

const story = (id: string) => `/api/stories/${encodeURIComponent(id)}`;

/** What editors correct claims and mentions with: the story's topics, the known sources, a claim's edits. */
export const claimDeskQueries = {
  topics: (storyId: string) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'topics', storyId] as const,
      queryFn: ({ signal }) => getJson(`${story(storyId)}/topics`, z.array(topicSchema), signal),
    }),
  sources: () =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'sources'] as const,
      queryFn: async ({ signal }) => ({
        actors: await getJson('/api/actors', z.array(actorSchema), signal),
        outlets: await getJson('/api/outlets', z.array(outletSchema), signal),
      }),
    }),
  mention: (mentionId: string) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'mention', mentionId] as const,
      queryFn: ({ signal }) => getJson(deskPaths.mention(mentionId), versionedMentionSchema, signal),
    }),
  edits: (claimId: string) =>
    queryOptions({
      queryKey: [...claimQueries.all(), claimId, 'edits'] as const,
      queryFn: ({ signal }) =>
        getJson(`/api/claims/${encodeURIComponent(claimId)}/edits`, z.array(deskEditSchema), signal),
    }),
};

/** One change of a claim, topic or mention: where it goes, with the version it was based on. */
export type DeskRequest = {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** The version the change is based on (its ETag); creations have none. */
  ifMatch?: number;
  /**
   * What to do with the answer, or the refusal: run even when the form that sent the change
   * has gone meanwhile (a deleted mention's editor goes with it), unlike mutate()'s callbacks.
   */
  onDone?: (answer: unknown) => void;
  onFail?: (error: Error) => void;
};

/**
 * Sends a change of the desk's own work and refreshes what shows it: the story's overview,
 * the evidence the change touched and every claim query (the live update does the same for
 * other pages).
 */
export function useDeskChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body, ifMatch }: DeskRequest) =>
      sendJson(
        path,
        { method, body, headers: ifMatch !== undefined ? { 'If-Match': `"${ifMatch}"` } : {} },
        z.unknown(),
      ),
    onSuccess: (answer, request) => request.onDone?.(answer),
    onError: (error, request) => request.onFail?.(error),
    onSettled: (answer, error) =>
      Promise.all([
        refreshPartsAfterDeskChange(client, answer, error !== null),
        client.invalidateQueries({ queryKey: claimQueries.all(), predicate: notAMention }),
      ]),
  });
}
