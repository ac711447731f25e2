import { StanceBadge } from '@/components/stance-badge';
import type { Mention } from '@/domain/schemas';
import { STANCES } from '@/domain/stance-rules';

type PaneBannerProps = {
  articleId: string;
  name: string;
  selectedClaim: string | null;
  /** The article's mentions of the selected claim. */
  claimMentions: readonly Mention[];
};

/** How the article treats the selected claim: its stances and spans, or that it is silent on it. */
export function PaneBanner({ articleId, name, selectedClaim, claimMentions }: PaneBannerProps) {
  if (selectedClaim === null) return null;
  if (claimMentions.length === 0) {
    return (
      <p className="pane__banner pane__banner--silent">
        <StanceBadge stance="silent" /> {name} does not mention the selected claim.
      </p>
    );
  }
  const stances = STANCES.filter((stance) => claimMentions.some((m) => m.stance === stance));
  const spans = claimMentions.reduce((n, m) => n + m.spans.filter((s) => s.article === articleId).length, 0);
  return (
    <p className="pane__banner pane__banner--carries">
      {stances.map((stance) => (
        <StanceBadge key={stance} stance={stance} />
      ))}{' '}
      the selected claim · {spans} {spans === 1 ? 'span' : 'spans'}
    </p>
  );
}
