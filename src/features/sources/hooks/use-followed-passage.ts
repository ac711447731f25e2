import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/api-error';
import { cachedPassage, storyPartQueries } from '@/lib/api/story-part-queries';

/**
 * The shared passage the link follows: from the evidence of an open pane when one holds it
 * (no request), else read by itself — so a link that follows a passage none of the open
 * articles carries still names every article that does. `unknown` only once the server said
 * the story has no such passage.
 */
export function useFollowedPassage(storyId: string, passageId: string | null) {
  const client = useQueryClient();
  const read = useQuery({
    ...storyPartQueries.passage(storyId, passageId ?? ''),
    enabled: passageId !== null,
    initialData: () => (passageId === null ? undefined : cachedPassage(client, storyId, passageId)),
  });
  return {
    passage: passageId === null ? undefined : read.data,
    unknown: passageId !== null && read.error instanceof ApiError && read.error.status === 404,
  };
}
