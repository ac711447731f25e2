import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { corpusProblemSchema, storyRecordSchema, type CreateStoryRequest, type StoryPatch } from '@/domain/schemas';
import { getJson } from '@/lib/api/get-json';
import { sendJson } from '@/lib/api/send-json';
import { storyQueries } from '@/lib/api/story-queries';

/** What the stories page reads besides the story list: the corpus folders that did not load. */
export const storyDeskQueries = {
  problems: () =>
    queryOptions({
      queryKey: ['corpus', 'problems'] as const,
      queryFn: ({ signal }) => getJson('/api/corpus/problems', z.array(corpusProblemSchema), signal),
      staleTime: 5 * 60_000,
    }),
};

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** Creating, editing, archiving, pinning and importing stories; every answer refreshes the lists. */
export function useStoryActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: storyQueries.all() });
  const create = useMutation({
    mutationFn: (body: CreateStoryRequest) => sendJson('/api/stories', { method: 'POST', body }, storyRecordSchema),
    onSuccess: refresh,
  });
  const patch = useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: StoryPatch }) =>
      sendJson(
        `/api/stories/${encodeURIComponent(id)}`,
        { method: 'PATCH', body, headers: ifMatch(version) },
        storyRecordSchema,
      ),
    onSuccess: (record) => {
      // The new version at once, so a next change names it even before the list is refetched.
      client.setQueryData(storyQueries.list().queryKey, (list) =>
        list?.map((story) => (story.id === record.id ? { ...story, ...record } : story)),
      );
      return refresh();
    },
  });
  const importStory = useMutation({
    mutationFn: ({ document, id }: { document: unknown; id: string }) =>
      sendJson(
        `/api/stories/import${id ? `?id=${encodeURIComponent(id)}` : ''}`,
        { method: 'POST', body: document },
        storyRecordSchema,
      ),
    onSuccess: refresh,
  });
  return { create, patch, importStory };
}
