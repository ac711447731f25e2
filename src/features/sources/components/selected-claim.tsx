import { StanceBadge } from '@/components/stance-badge';
import type { Stance } from '@/domain/schemas';
import { isContested, STANCES } from '@/domain/stance-rules';
import type { AnyStoryIndex } from '@/domain/story-index';
import { Link } from '@/lib/router/link';
import { MAX_PANES } from '../model/resolve-panes';

/** How many articles outside the panes the panel offers to open before pointing to the claim page. */
const OFFERED = 6;

type SelectedClaimProps = {
  claimId: string | null;
  index: AnyStoryIndex;
  panes: readonly string[];
  claimHref: string | null;
  onStep: (step: 1 | -1) => void;
  onClear: () => void;
  onOpen: (articleId: string) => void;
};

/** The selected claim: its wording, how each open article treats it, and the other articles that carry it. */
export function SelectedClaim({ claimId, index, panes, claimHref, onStep, onClear, onOpen }: SelectedClaimProps) {
  const claim = claimId === null ? undefined : index.claims.get(claimId);
  const stepper = (
    <span className="selected-claim__steps">
      <button type="button" onClick={() => onStep(-1)} title="Previous claim (k)">
        ← Previous claim
      </button>{' '}
      <button type="button" onClick={() => onStep(1)} title="Next claim (j)">
        Next claim →
      </button>
    </span>
  );
  if (claimId === null) {
    return (
      <section className="selected-claim selected-claim--none" aria-label="Selected claim">
        <p>Choose a claim in the list, or click a highlight, to see its evidence in every pane. {stepper}</p>
      </section>
    );
  }
  if (!claim) {
    return (
      <section className="selected-claim selected-claim--missing" aria-label="Selected claim" role="alert">
        <p>
          This story has no claim “{claimId}”.{' '}
          <button type="button" onClick={onClear}>
            Clear the selection
          </button>
        </p>
      </section>
    );
  }

  const mentions = index.mentionsByClaim.get(claim.id) ?? [];
  const stancesIn = (article: string): Stance[] =>
    STANCES.filter((stance) => mentions.some((m) => m.article === article && m.stance === stance));
  const elsewhere = [...new Set(mentions.map((m) => m.article))].filter((id) => !panes.includes(id));
  const full = panes.length >= MAX_PANES;

  return (
    <section className="selected-claim" aria-labelledby="selected-claim-heading">
      <p className="selected-claim__topic">
        Selected claim · {claim.topic}
        {isContested(mentions) ? <span className="tag tag--contested">contested</span> : null}
      </p>
      <h2 id="selected-claim-heading" className="selected-claim__text">
        {claim.text}
      </h2>
      <ul className="selected-claim__panes" aria-label="In the open articles">
        {panes.map((article) => {
          const stances = stancesIn(article);
          return (
            <li key={article}>
              <span className="selected-claim__outlet">{outletName(index, article)}</span>{' '}
              {stances.length > 0 ? (
                stances.map((stance) => <StanceBadge key={stance} stance={stance} />)
              ) : (
                <StanceBadge stance="silent" />
              )}
            </li>
          );
        })}
      </ul>
      {elsewhere.length > 0 ? (
        <div className="selected-claim__elsewhere">
          <p>
            Also in {elsewhere.length} {elsewhere.length === 1 ? 'article' : 'articles'} not open
            {full ? ` (close a pane to open one)` : ''}:
          </p>
          <ul>
            {elsewhere.slice(0, OFFERED).map((article) => (
              <li key={article}>
                {stancesIn(article).map((stance) => (
                  <StanceBadge key={stance} stance={stance} />
                ))}{' '}
                {outletName(index, article)}{' '}
                <button
                  type="button"
                  onClick={() => onOpen(article)}
                  disabled={full}
                  aria-label={`Open ${outletName(index, article)}: ${index.articles.get(article)?.title ?? article}`}
                >
                  Open
                </button>
              </li>
            ))}
          </ul>
          {elsewhere.length > OFFERED && claimHref ? (
            <p>
              <Link to={claimHref}>All {mentions.length} mentions on the claim page</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="selected-claim__actions">
        {stepper}{' '}
        <button type="button" onClick={onClear}>
          Clear selection
        </button>{' '}
        {claimHref ? <Link to={claimHref}>Claim page</Link> : null}
      </p>
    </section>
  );
}

function outletName(index: AnyStoryIndex, articleId: string): string {
  const meta = index.articles.get(articleId);
  return (meta && index.outlets.get(meta.outlet)?.name) ?? meta?.title ?? articleId;
}
