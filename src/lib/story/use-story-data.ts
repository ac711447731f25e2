import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { StanceCell, StoryBundle } from '@/domain/schemas';
import { storyHomeOf } from '@/domain/story-home';
import { partsOfOverview, storyIndexOf, type StoryIndex, type StoryParts } from '@/domain/story-index';
import { storyPartQueries } from '../api/story-part-queries';
import { storyQueries } from '../api/story-queries';
import { useUrlState } from '../url-state/use-url-state';

type Pending = { status: 'pending' | 'error'; query: Pick<UseQueryResult, 'error' | 'refetch' | 'isFetching'> };

export type StoryData = Pending | { status: 'success'; bundle: StoryBundle; index: StoryIndex };

/** A story's overview as the parts views read: stance cells for mentions, their evidence on demand. */
export type StoryOverviewData =
  Pending | { status: 'success'; bundle: StoryParts<StanceCell>; index: StoryIndex<StanceCell> };

/** Which story the URL names, or the one `/` opens (pinned, else the latest changed); null until known. */
function useStoryId() {
  const { state } = useUrlState();
  const list = useQuery({ ...storyQueries.list(), enabled: state.story === null });
  const storyId = state.story ?? (list.data ? (storyHomeOf(list.data)?.story.id ?? null) : null);
  return { storyId, list };
}

function unresolved(
  list: ReturnType<typeof useStoryId>['list'],
  storyId: string | null,
  read: Pick<UseQueryResult, 'error' | 'refetch' | 'isFetching' | 'isError'>,
): Pending {
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
  return { status: read.isError ? 'error' : 'pending', query: read };
}

/**
 * The story the URL names (or the one `/` opens: pinned, else the latest changed), with its look-up index.
 * Not `enabled`, it reads only what is cached.
 */
export function useStoryData(enabled = true): StoryData {
  const { storyId, list } = useStoryId();
  const bundle = useQuery({ ...storyQueries.bundle(storyId ?? ''), enabled: enabled && storyId !== null });
  const index = useMemo(() => (bundle.data ? storyIndexOf(bundle.data) : null), [bundle.data]);

  if (bundle.data && index) return { status: 'success', bundle: bundle.data, index };
  return unresolved(list, storyId, bundle);
}

/**
 * The same story read as its compact overview (claims, article metadata, stance cells, events):
 * what the header, the matrix and the timeline need first, at a cost that does not grow with the
 * evidence text. The evidence of a claim or article is read on demand (storyPartQueries.evidence).
 */
export function useStoryOverview(enabled = true): StoryOverviewData {
  const { storyId, list } = useStoryId();
  const overview = useQuery({ ...storyPartQueries.overview(storyId ?? ''), enabled: enabled && storyId !== null });
  const parts = overview.data ? partsOfOverview(overview.data) : null;
  const index = useMemo(() => (parts ? storyIndexOf(parts) : null), [parts]);

  if (parts && index) return { status: 'success', bundle: parts, index };
  return unresolved(list, storyId, overview);
}
