import { useMutation, useQueryClient } from '@tanstack/react-query';
import { claimSchema, staleVersionBodySchema, type Claim, type VerdictContent } from '@/domain/schemas';
import { ApiError } from '@/lib/api/api-error';
import { sendJson } from '@/lib/api/send-json';
import { cachedClaim, claimQueries, putClaimInCache } from '@/lib/api/claim-queries';
import { sessionQueries } from '@/lib/api/session-queries';
import { storyPartQueries } from '@/lib/api/story-part-queries';
import { storyQueries } from '@/lib/api/story-queries';

// The verdict mutation lives beside the claim queries whose cache it patches, not with the
// editor, so every view that changes a verdict saves it the same way.
export type SaveVerdict = {
  claim: Claim;
  /** The version the editor's draft started from: the server refuses the change if it moved on. */
  baseVersion: number;
  content: VerdictContent;
  editor: string;
  /** After a conflict the editor compared: the other editor's version the change knowingly goes over. */
  resolvesConflict?: number;
};

/** The claim a 412 carries: the verdict as another editor left it. */
export function staleClaimOf(error: unknown): Claim | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const body = staleVersionBodySchema.safeParse(error.body);
  return body.success ? body.data.claim : null;
}

/**
 * Saves a verdict, showing it at once (optimistically) in every view that reads the story,
 * and putting back what was there if the server refuses it.
 */
export function useSaveVerdict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ claim, baseVersion, content, resolvesConflict }: SaveVerdict) =>
      sendJson(
        `/api/claims/${encodeURIComponent(claim.id)}/verdict`,
        {
          method: 'PATCH',
          headers: { 'If-Match': `"${baseVersion}"` },
          body: resolvesConflict === undefined ? content : { ...content, resolvesConflict },
        },
        claimSchema,
      ),
    onMutate: async ({ claim, baseVersion, content, editor }) => {
      // A fetch in flight would land over the optimistic verdict with what the server had before.
      await client.cancelQueries({ queryKey: storyQueries.bundle(claim.story).queryKey });
      await client.cancelQueries({ queryKey: storyPartQueries.overview(claim.story).queryKey });
      await client.cancelQueries({ queryKey: claimQueries.history(claim.id).queryKey });
      const previous = cachedClaim(client, claim.story, claim.id);
      if (previous?.verdict.version === baseVersion) {
        putClaimInCache(
          client,
          { ...previous, verdict: { ...previous.verdict, ...content, editor, at: new Date().toISOString() } },
          (cached) => cached.verdict.version === baseVersion,
        );
      }
      return { previous };
    },
    onError: (error, { baseVersion }, context) => {
      const current = staleClaimOf(error);
      if (current) {
        putClaimInCache(client, current);
      } else if (context?.previous?.verdict.version === baseVersion) {
        // Roll back, unless a newer version has arrived meanwhile.
        putClaimInCache(client, context.previous, (cached) => cached.verdict.version === baseVersion);
      }
      if (error instanceof ApiError && error.status === 401) {
        void client.invalidateQueries({ queryKey: sessionQueries.current().queryKey });
      }
    },
    onSuccess: (saved) => putClaimInCache(client, saved),
    onSettled: (_data, _error, { claim }) =>
      client.invalidateQueries({ queryKey: claimQueries.history(claim.id).queryKey }),
  });
}
