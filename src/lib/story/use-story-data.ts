import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { StoryBundle } from '@/domain/schemas';
import { storyHomeOf } from '@/domain/story-home';
import { indexStory, type StoryIndex } from '@/domain/story-index';
import { storyQueries } from '../api/story-queries';
import { useUrlState } from '../url-state/use-url-state';

export type StoryData =
  | { status: 'pending' | 'error'; query: Pick<UseQueryResult, 'error' | 'refetch' | 'isFetching'> }
  | { status: 'success'; bundle: StoryBundle; index: StoryIndex };

/** The story the URL names (or the one `/` opens: pinned, else the latest changed), with its look-up index. */
export function useStoryData(): StoryData {
  const { state } = useUrlState();
  const list = useQuery({ ...storyQueries.list(), enabled: state.story === null });
  const storyId = state.story ?? (list.data ? (storyHomeOf(list.data)?.story.id ?? null) : null);
  const bundle = useQuery({ ...storyQueries.bundle(storyId ?? ''), enabled: storyId !== null });
  const index = useMemo(() => (bundle.data ? indexStory(bundle.data) : null), [bundle.data]);

  if (bundle.data && index) return { status: 'success', bundle: bundle.data, index };
  if (list.isError) return { status: 'error', query: list };
  if (list.isSuccess && storyId === null) {
    return {
      status: 'error',
      query: {
        error: new Error('There is no story in the database yet.'),
        refetch: list.refetch,
        isFetching: list.isFetching,
      },
    };
  }
  return { status: bundle.isError ? 'error' : 'pending', query: bundle };
}
