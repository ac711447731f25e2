import { useId, useState } from 'react';
import { StanceBadge } from '@/components/stance-badge';
import { STANCES } from '@/domain/stance-rules';
import type { AttributionNode, Claim, ClaimSuggestionData, Stance } from '@/domain/schemas';

export type ChainChoice = { node: AttributionNode; name: string };

type SuggestionCardProps = {
  suggestion: ClaimSuggestionData;
  claim: Claim | undefined;
  busy: boolean;
  /** The chain the sentence's attribution phrases suggest, ending with the publishing outlet. */
  chain: AttributionNode[];
  /** Known actors and outlets a source can be picked from. */
  choices: readonly ChainChoice[];
  nameOf: (node: AttributionNode) => string;
  /** How accepting with this stance and chain would change the claim's independent origins, in words. */
  originPreview: (stance: Stance, chain: AttributionNode[]) => string;
  onAccept: (stance: Stance, chain: AttributionNode[]) => void;
  onReject: () => void;
};

const keyOf = (node: AttributionNode) => `${node.kind}:${node.id}`;

/** One claim suggested for a sentence: why it was matched, a stance and a chain to confirm or correct. */
export function SuggestionCard(props: SuggestionCardProps) {
  const { suggestion, claim, busy, choices, nameOf, originPreview, onAccept, onReject } = props;
  const id = useId();
  const [stance, setStance] = useState<Stance>(suggestion.proposal.stance ?? 'reports');
  const [chain, setChain] = useState<AttributionNode[]>(props.chain);
  const publisher = chain.at(-1);
  const sources = chain.slice(0, -1);
  const addSource = (key: string) => {
    const choice = choices.find((c) => keyOf(c.node) === key);
    if (choice && !chain.some((n) => keyOf(n) === key)) setChain([choice.node, ...chain]);
  };
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
      <div className="suggestion__chain" role="group" aria-label="Attribution">
        <span>Attribution: </span>
        <ol className="suggestion__chain-steps">
          {sources.map((node) => (
            <li key={keyOf(node)}>
              {nameOf(node)}{' '}
              <button
                type="button"
                aria-label={`Remove ${nameOf(node)} from the attribution`}
                onClick={() => setChain(chain.filter((n) => keyOf(n) !== keyOf(node)))}
              >
                ×
              </button>{' '}
              →
            </li>
          ))}
          {publisher ? <li>{nameOf(publisher)}</li> : null}
        </ol>
        <label htmlFor={`${id}-source`}>Add a source</label>
        <select id={`${id}-source`} value="" onChange={(event) => addSource(event.target.value)}>
          <option value="">—</option>
          {choices.map((c) => (
            <option key={keyOf(c.node)} value={keyOf(c.node)}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <p className="suggestion__origins">{originPreview(stance, chain)}</p>
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
        <button type="button" disabled={busy} onClick={() => onAccept(stance, chain)}>
          Accept
        </button>
        <button type="button" disabled={busy} onClick={onReject}>
          Reject
        </button>
      </div>
    </li>
  );
}
