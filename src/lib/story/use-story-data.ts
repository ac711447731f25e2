import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { StanceCell } from '@/domain/schemas';
import { storyHomeOf } from '@/domain/story-home';
import { partsOfOverview, storyIndexOf, type AnyStoryIndex, type StoryParts } from '@/domain/story-index';
import { storyPartQueries } from '../api/story-part-queries';
import { storyQueries } from '../api/story-queries';
import { useUrlState } from '../url-state/use-url-state';

type Pending = { status: 'pending' | 'error'; query: Pick<UseQueryResult, 'error' | 'refetch' | 'isFetching'> };

/** A story's overview as the parts views read: stance cells for mentions, their evidence on demand. */
export type StoryOverviewData = Pending | { status: 'success'; bundle: StoryParts<StanceCell>; index: AnyStoryIndex };

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
 * The story the URL names (or the one `/` opens: pinned, else the latest changed), read as its
 * compact overview (claims, article metadata, stance cells, events) with its look-up index:
 * what every view starts from, at a cost that does not grow with the evidence text. The
 * evidence of a claim or article is read on demand (storyPartQueries.evidence).
 */
export function useStoryOverview(): StoryOverviewData {
  const { storyId, list } = useStoryId();
  const overview = useQuery({ ...storyPartQueries.overview(storyId ?? ''), enabled: storyId !== null });
  const parts = overview.data ? partsOfOverview(overview.data) : null;
  const index = useMemo(() => (parts ? storyIndexOf(parts) : null), [parts]);

  if (parts && index) return { status: 'success', bundle: parts, index };
  return unresolved(list, storyId, overview);
}
