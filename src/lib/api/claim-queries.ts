import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { auditEntrySchema, type Claim, type StoryBundle } from '@/domain/schemas';
import { getJson } from './get-json';
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
 * Puts a claim into its cached story bundle, unless the cache already holds a newer version.
 * The rest of the bundle keeps its identity, so only what shows this claim re-renders.
 */
export function putClaimInCache(
  client: QueryClient,
  claim: Claim,
  accept: (cached: Claim) => boolean = (cached) => cached.verdict.version <= claim.verdict.version,
) {
  client.setQueryData<StoryBundle>(storyQueries.bundle(claim.story).queryKey, (bundle) => {
    if (!bundle) return bundle;
    const index = bundle.claims.findIndex((c) => c.id === claim.id);
    const cached = bundle.claims[index];
    if (!cached || !accept(cached)) return bundle;
    const claims = bundle.claims.slice();
    claims[index] = claim;
    return { ...bundle, claims };
  });
}

/** The claim as its cached bundle holds it. */
export function cachedClaim(client: QueryClient, storyId: string, claimId: string): Claim | undefined {
  return client
    .getQueryData<StoryBundle>(storyQueries.bundle(storyId).queryKey)
    ?.claims.find((claim) => claim.id === claimId);
}
