import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Passage, StoryEvidence } from '@/domain/schemas';
import { ApiError } from '@/lib/api/api-error';
import { cachedPassage, storyPartQueries } from '@/lib/api/story-part-queries';

type PanesEvidence = {
  /** The shared passages that stand in the open articles, by id. */
  passages: ReadonlyMap<string, Passage>;
  /** Whether every open article's evidence has arrived (or failed). */
  settled: boolean;
};

// Module-level, so that the combined result is kept while the panes' evidence stays the same.
function combine(results: UseQueryResult<StoryEvidence>[]): PanesEvidence {
  const passages = new Map<string, Passage>();
  for (const result of results) for (const passage of result.data?.passages ?? []) passages.set(passage.id, passage);
  return { passages, settled: results.every((result) => result.data !== undefined || result.isError) };
}

/**
 * The evidence of the open articles only — each pane reads its own from the same queries —
 * and the shared passages in them, by id. A passage the link follows that none of them
 * carries is read by itself (from a closed pane's evidence still cached, else from the
 * server), so the passage bar still names every article that carries it; `unknown` is true
 * only once the server said the story has no such passage.
 */
export function usePanesEvidence(storyId: string, panes: readonly string[], followed: string | null) {
  const client = useQueryClient();
  const { passages, settled } = useQueries({
    queries: panes.map((article) => storyPartQueries.evidence(storyId, { article })),
    combine,
  });
  const lookUp = followed !== null && settled && !passages.has(followed);
  const lookedUp = useQuery({
    ...storyPartQueries.passage(storyId, followed ?? ''),
    enabled: lookUp,
    initialData: () => (followed === null ? undefined : cachedPassage(client, storyId, followed)?.passage),
    initialDataUpdatedAt: () => (followed === null ? undefined : cachedPassage(client, storyId, followed)?.updatedAt),
  });
  const extra = lookUp ? lookedUp.data : undefined;
  const byId = useMemo(
    () => (extra && !passages.has(extra.id) ? new Map([...passages, [extra.id, extra]]) : passages),
    [passages, extra],
  );
  const unknown = lookUp && lookedUp.error instanceof ApiError && lookedUp.error.status === 404;
  return { passages: byId, unknown };
}
