import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { auditEntrySchema, type Claim, type StoryBundle, type StoryOverview } from '@/domain/schemas';
import { getJson } from './get-json';
import { storyPartQueries } from './story-part-queries';
import { storyQueries } from './story-queries';

/** Per-claim data beside the story bundle: the verdict's history. */
export const claimQueries = {
  all: () => ['claims'] as const,
  history: (claimId: string) =>
    queryOptions({
      queryKey: [...claimQueries.all(), claimId, 'history'] as const,
      queryFn: ({ signal }) =>
        getJson(`/api/claims/${encodeURIComponent(claimId)}/history`, z.array(auditEntrySchema), signal),
    }),
};

/**
 * Every claim query but a stored mention's (claimDeskQueries.mention): that one is set from
 * the answers to its own changes, so a mention just deleted is not asked for again.
 */
export const notAMention = (query: { queryKey: readonly unknown[] }) => query.queryKey[1] !== 'mention';

/**
 * Puts a claim into its cached story bundle and overview, unless the cache already holds a
 * newer version. The rest of each keeps its identity, so only what shows this claim re-renders.
 */
export function putClaimInCache(
  client: QueryClient,
  claim: Claim,
  accept: (cached: Claim) => boolean = (cached) => cached.verdict.version <= claim.verdict.version,
) {
  const put = <T extends { claims: Claim[] }>(read: T | undefined): T | undefined => {
    if (!read) return read;
    const index = read.claims.findIndex((c) => c.id === claim.id);
    const cached = read.claims[index];
    if (!cached || !accept(cached)) return read;
    const claims = read.claims.slice();
    claims[index] = claim;
    return { ...read, claims };
  };
  client.setQueryData<StoryBundle>(storyQueries.bundle(claim.story).queryKey, put);
  client.setQueryData<StoryOverview>(storyPartQueries.overview(claim.story).queryKey, put);
}

/** The claim as its cached bundle (or else overview) holds it. */
export function cachedClaim(client: QueryClient, storyId: string, claimId: string): Claim | undefined {
  const byId = (claim: Claim) => claim.id === claimId;
  return (
    client.getQueryData<StoryBundle>(storyQueries.bundle(storyId).queryKey)?.claims.find(byId) ??
    client.getQueryData<StoryOverview>(storyPartQueries.overview(storyId).queryKey)?.claims.find(byId)
  );
}
