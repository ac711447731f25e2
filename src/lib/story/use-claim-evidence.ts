import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Mention, StanceCell } from '@/domain/schemas';
import { storyPartQueries } from '../api/story-part-queries';

/**
 * A claim's mentions with their evidence (spans, basis), by mention id, read on demand when a
 * cell is opened, previewed or focused; null while it loads (or with no claim).
 */
export function useClaimEvidence(storyId: string, claimId: string | null): ReadonlyMap<string, Mention> | null {
  const evidence = useQuery({
    ...storyPartQueries.evidence(storyId, { claim: claimId ?? '' }),
    enabled: claimId !== null,
  });
  const mentions = claimId === null ? undefined : evidence.data?.mentions;
  return useMemo(() => (mentions ? new Map(mentions.map((mention) => [mention.id, mention])) : null), [mentions]);
}

/** A cell's mentions with their evidence, those whose evidence arrived. */
export function withEvidence(cells: readonly StanceCell[], evidence: ReadonlyMap<string, Mention>): Mention[] {
  return cells.flatMap((cell) => evidence.get(cell.id) ?? []);
}
