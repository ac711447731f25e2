import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { claimSchema, type Claim, type EvidenceFlag } from '@/domain/schemas';
import { ApiError } from '@/lib/api/api-error';
import { claimQueries, putClaimInCache } from '@/lib/api/claim-queries';
import { sendJson } from '@/lib/api/send-json';
import { storyReadsOf } from '@/lib/api/story-part-queries';
import { describeEvidenceFlag } from './use-evidence-flags';
import './evidence-flag.css';

/**
 * For editors, in the claim view: the verdict rests on evidence that changed since it was
 * given. Reviewing it (recorded in the verdict's history) clears the flag.
 */
export function EvidenceFlagNotice({ claim, flag }: { claim: Claim; flag: EvidenceFlag }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const review = useMutation({
    mutationFn: () =>
      sendJson(
        `/api/claims/${encodeURIComponent(claim.id)}/evidence-review`,
        { method: 'POST', headers: { 'If-Match': `"${claim.verdict.version}"` } },
        claimSchema,
      ),
    onSuccess: (reviewed) => {
      setProblem(null);
      putClaimInCache(client, reviewed);
      void client.invalidateQueries(storyReadsOf(reviewed.story));
      void client.invalidateQueries({ queryKey: claimQueries.history(reviewed.id).queryKey });
    },
    onError: (error) => {
      setProblem(error instanceof ApiError ? error.message : 'The review could not be saved.');
      void client.invalidateQueries(storyReadsOf(claim.story));
    },
  });
  return (
    <div className="evidence-flag" role="region" aria-label="Evidence changed since this verdict">
      <p>
        <strong className="evidence-flag__tag">⚑ Evidence changed since this verdict</strong>{' '}
        {describeEvidenceFlag(flag)} (since {new Date(flag.since).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC).
        Check the mentions below, then mark the evidence reviewed or change the verdict.
      </p>
      <button type="button" onClick={() => review.mutate()} disabled={review.isPending}>
        {review.isPending ? 'Saving…' : 'Mark the evidence reviewed'}
      </button>
      {problem ? (
        <p role="alert" className="evidence-flag__problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
