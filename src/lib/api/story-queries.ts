import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { storySummarySchema } from '@/domain/schemas/story';
import { storyBundleSchema } from '@/domain/schemas/story-bundle';
import { getJson } from './get-json';

/** The story data every view reads: one key space, so a change invalidates it everywhere. */
export const storyQueries = {
  all: () => ['stories'] as const,
  list: () =>
    queryOptions({
      queryKey: [...storyQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getJson('/api/stories', z.array(storySummarySchema), signal),
    }),
  bundle: (storyId: string) =>
    queryOptions({
      queryKey: [...storyQueries.all(), 'bundle', storyId] as const,
      queryFn: ({ signal }) => getJson(`/api/stories/${encodeURIComponent(storyId)}`, storyBundleSchema, signal),
    }),
};
