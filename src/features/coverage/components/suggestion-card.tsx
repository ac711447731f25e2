import { useId, useState } from 'react';
import { StanceBadge } from '@/components/stance-badge';
import { STANCES } from '@/domain/stance-rules';
import type { Claim, ClaimSuggestionData, Stance } from '@/domain/schemas';

type SuggestionCardProps = {
  suggestion: ClaimSuggestionData;
  claim: Claim | undefined;
  busy: boolean;
  onAccept: (stance: Stance) => void;
  onReject: () => void;
};

/** One claim suggested for a sentence: why it was matched, a stance to confirm or correct. */
export function SuggestionCard({ suggestion, claim, busy, onAccept, onReject }: SuggestionCardProps) {
  const id = useId();
  const [stance, setStance] = useState<Stance>(suggestion.proposal.stance ?? 'reports');
  return (
    <li className="suggestion" aria-labelledby={`${id}-claim`}>
      <p className="suggestion__claim" id={`${id}-claim`}>
        {claim?.text ?? suggestion.claim}
      </p>
      <p className="suggestion__meta">
        {suggestion.reasons.length > 0 ? `Why: ${suggestion.reasons.join('; ')}.` : 'Why: similar wording.'}
        {suggestion.proposal.cue ? ` Stance from “${suggestion.proposal.cue}”.` : ''}
        {suggestion.proposal.stance === null ? ' The wording does not settle the stance.' : ''}
      </p>
      <div className="suggestion__actions">
        <label htmlFor={`${id}-stance`}>Stance</label>
        <select id={`${id}-stance`} value={stance} onChange={(event) => setStance(event.target.value as Stance)}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <StanceBadge stance={stance} />
        <button type="button" disabled={busy} onClick={() => onAccept(stance)}>
          Accept
        </button>
        <button type="button" disabled={busy} onClick={onReject}>
          Reject
        </button>
      </div>
    </li>
  );
}
