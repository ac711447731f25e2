import { StanceBadge } from '@/components/stance-badge';
import { formatAttribution, type AnyStoryIndex } from '@/domain/story-index';
import type { TipAnchor } from '../hooks/use-evidence-tip';
import type { EvidenceMark, PaneMark } from '../model/pane-marks';

type EvidenceTipProps = {
  id: string;
  anchor: TipAnchor | null;
  marks: readonly PaneMark[];
  /** The marks over the anchored text. */
  over: readonly number[];
  index: AnyStoryIndex;
  selectedClaim: string | null;
  passageLabels: ReadonlyMap<string, string>;
};

/** What a highlight stands for: each claim with its stance and attribution chain, and any shared passage. */
export function EvidenceTip({ id, anchor, marks, over, index, selectedClaim, passageLabels }: EvidenceTipProps) {
  const evidence: EvidenceMark[] = [];
  const passages = new Set<string>();
  for (const i of over) {
    const mark = marks[i];
    if (mark?.kind === 'evidence' && !evidence.some((e) => e.mention.id === mark.mention.id)) evidence.push(mark);
    else if (mark?.kind === 'passage') passages.add(mark.passage.id);
  }
  const claims = new Set(evidence.map((mark) => mark.claim));
  return (
    <div
      id={id}
      role="tooltip"
      className="evidence-tip"
      hidden={anchor === null}
      style={anchor ? { top: anchor.top, left: anchor.left } : undefined}
    >
      {evidence.length > 0 ? (
        <ul className="evidence-tip__claims">
          {evidence.map((mark) => (
            <li key={mark.mention.id}>
              <StanceBadge stance={mark.stance} />{' '}
              <span className="evidence-tip__claim">
                {index.claims.get(mark.claim)?.text ?? mark.claim}
                {mark.claim === selectedClaim ? ' (selected)' : ''}
              </span>
              <span className="evidence-tip__chain">Source: {formatAttribution(index, mark.mention.attribution)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {[...passages].map((passage) => (
        <p key={passage} className="evidence-tip__passage">
          <span aria-hidden="true">⇄ </span>
          {passageLabels.get(passage)}
        </p>
      ))}
      {evidence.length > 0 ? (
        <p className="evidence-tip__hint">
          {claims.size > 1
            ? 'Click or press Enter to select the next of these claims.'
            : 'Click or press Enter to select this claim.'}
        </p>
      ) : null}
    </div>
  );
}
