import { StanceBadge } from '@/components/stance-badge';
import type { StanceCell } from '@/domain/schemas';
import { STANCES } from '@/domain/stance-rules';

type PaneBannerProps = {
  name: string;
  selectedClaim: string | null;
  /** The article's stances on the selected claim, from the overview. */
  claimCells: readonly StanceCell[];
  /** How many spans of the article carry it, once its evidence has arrived (null before). */
  spans: number | null;
};

/** How the article treats the selected claim: its stances and spans, or that it is silent on it. */
export function PaneBanner({ name, selectedClaim, claimCells, spans }: PaneBannerProps) {
  if (selectedClaim === null) return null;
  if (claimCells.length === 0) {
    return (
      <p className="pane__banner pane__banner--silent">
        <StanceBadge stance="silent" /> {name} does not mention the selected claim.
      </p>
    );
  }
  const stances = STANCES.filter((stance) => claimCells.some((m) => m.stance === stance));
  return (
    <p className="pane__banner pane__banner--carries">
      {stances.map((stance) => (
        <StanceBadge key={stance} stance={stance} />
      ))}{' '}
      the selected claim{spans === null ? '' : ` · ${spans} ${spans === 1 ? 'span' : 'spans'}`}
    </p>
  );
}
