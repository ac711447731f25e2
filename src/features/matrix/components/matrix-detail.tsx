import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { OriginTree } from '@/components/origin-tree';
import { mentionOptionsFor } from '@/components/verdict-editor/mention-options';
import { VerdictEditor } from '@/components/verdict-editor/verdict-editor';
import { StanceBadge } from '@/components/stance-badge';
import { contradictionPairs } from '@/domain/contradiction-pairs';
import type { StanceCell } from '@/domain/schemas';
import { MAX_PANES, type UrlState } from '@/domain/url-state';
import { formatDay } from '@/lib/format-date';
import { Link } from '@/lib/router/link';
import { hrefFor } from '@/lib/url-state/use-url-state';
import { useClaimEvidence } from '@/lib/story/use-claim-evidence';
import { mentionVia } from '../model/cell-text';
import type { MatrixModel } from '../model/matrix-model';
import type { MatrixSelection } from '../model/select-matrix';
import type { OpenCell } from '../model/open-cell';

/** Long enough for any real claim; a generated one with hundreds of mentions lists the first ones. */
const MAX_PAIRS = 40;

type MatrixDetailProps = {
  model: MatrixModel;
  selection: MatrixSelection;
  state: UrlState;
  open: OpenCell;
  /** Changes when the panel should take the focus (opened from the keyboard). */
  focusToken: number;
  onClose: () => void;
};

/** A claim beside the grid: the opened cell's evidence, its contradictions and where it comes from. */
export function MatrixDetail({ model, selection, state, open, focusToken, onClose }: MatrixDetailProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stats = model.stats.get(open.claimId);

  useEffect(() => {
    if (focusToken > 0) headingRef.current?.focus();
  }, [focusToken]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  if (!stats) {
    return (
      <section className="mx-detail" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <DetailBar onClose={onClose} />
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          No such claim
        </h3>
        <p>This story has no claim “{open.claimId}”.</p>
      </section>
    );
  }

  const { claim, mentions } = stats;
  const column = open.columnId === null ? undefined : model.columns(selection.mode).find((c) => c.id === open.columnId);
  const pairs = contradictionPairs(mentions);

  return (
    <section className="mx-detail" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <DetailBar onClose={onClose} />
      <p className="mx-detail__topic">{claim.topic}</p>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="mx-detail__claim">
        {claim.text}
      </h3>
      <p className="mx-detail__meta">
        {stats.contested ? <span className="tag tag--contested">contested</span> : null} {stats.coverage} article
        {stats.coverage === 1 ? '' : 's'} ·{' '}
        <Link to={hrefFor(state, { view: 'claim', claim: claim.id, cell: null })}>Open the claim page</Link>
      </p>
      {/* The evidence that was clicked comes first; the verdict is decided after reading it. */}
      {column ? (
        <CellEvidence
          model={model}
          state={state}
          claimId={claim.id}
          columnName={column.outletName}
          articleIds={column.articleIds}
          mentions={model.cells(selection.mode).get(claim.id)?.get(column.id) ?? []}
        />
      ) : null}

      <VerdictEditor claim={claim} mentionOptions={mentionOptionsFor(model.index, mentions)} />

      <section className="mx-detail__section" aria-labelledby={`${headingId}-pairs`}>
        <h4 id={`${headingId}-pairs`}>Contradictions ({pairs.length})</h4>
        {pairs.length === 0 ? (
          <p className="mx-detail__none">No source contradicts another on this claim.</p>
        ) : (
          <ul className="mx-pairs">
            {pairs.slice(0, MAX_PAIRS).map((pair) => (
              <li key={`${pair.support.id} ${pair.opposition.id}`} className="mx-pair">
                <PairSide model={model} mention={pair.support} />
                <span className="mx-pair__versus">
                  <span aria-hidden="true">⟷</span> <span className="visually-hidden">against</span>
                </span>
                <PairSide model={model} mention={pair.opposition} />
                {pair.sameArticle ? <span className="mx-pair__note">(both in the same article)</span> : null}
              </li>
            ))}
          </ul>
        )}
        {pairs.length > MAX_PAIRS ? (
          <p className="mx-detail__none">
            …and {pairs.length - MAX_PAIRS} more pairs; the claim page lists every mention.
          </p>
        ) : null}
      </section>

      <section className="mx-detail__section" aria-labelledby={`${headingId}-origins`}>
        <h4 id={`${headingId}-origins`}>Where it comes from</h4>
        <OriginTree mentions={mentions} index={model.index} headingLevel={5} />
      </section>
    </section>
  );
}

function DetailBar({ onClose }: { onClose: () => void }) {
  return (
    <div className="mx-detail__bar">
      <p className="mx-detail__label">Claim details</p>
      <button type="button" className="mx-detail__close" onClick={onClose} aria-label="Close claim details">
        Close
      </button>
    </div>
  );
}

function CellEvidence({
  model,
  state,
  claimId,
  columnName,
  articleIds,
  mentions,
}: {
  model: MatrixModel;
  state: UrlState;
  claimId: string;
  columnName: string;
  articleIds: string[];
  mentions: readonly StanceCell[];
}) {
  const headingId = useId();
  const evidence = useClaimEvidence(model.bundle.story.id, claimId);
  const withMentions = [...new Set(mentions.map((m) => m.article))];
  // The articles that carry the claim first; then the outlet's others, as many as fit side by side.
  const panes = [...withMentions, ...articleIds.filter((id) => !withMentions.includes(id))].slice(0, MAX_PANES);
  return (
    <section className="mx-detail__section mx-evidence" aria-labelledby={headingId}>
      <h4 id={headingId}>Evidence in {columnName}</h4>
      {mentions.length === 0 ? (
        <p className="mx-detail__none">{columnName} does not mention this claim.</p>
      ) : (
        <ul className="mx-evidence__list">
          {mentions.map((mention) => {
            const article = model.index.articles.get(mention.article);
            const via = mentionVia(model.index, mention);
            return (
              <li key={mention.id} className="mx-evidence__item">
                <p className="mx-evidence__head">
                  <StanceBadge stance={mention.stance} />{' '}
                  {article ? (
                    <span>
                      {article.title} ({formatDay(article.published.date)})
                    </span>
                  ) : null}
                </p>
                <p className="mx-evidence__via">{via ? `via ${via}` : 'in its own voice'}</p>
                {evidence === null ? (
                  <p className="mx-detail__none" role="status">
                    Loading the evidence…
                  </p>
                ) : null}
                {(evidence?.get(mention.id)?.spans ?? []).map((span) => (
                  <blockquote key={`${span.start}-${span.end}`} className={`evidence evidence--${mention.stance}`}>
                    {span.exact}
                  </blockquote>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <Link className="mx-evidence__open" to={hrefFor(state, { view: 'sources', claim: claimId, cell: null, panes })}>
        Open in Sources: {columnName}
      </Link>
    </section>
  );
}

function PairSide({ model, mention }: { model: MatrixModel; mention: StanceCell }) {
  const article = model.index.articles.get(mention.article);
  const outlet = article ? model.index.outlets.get(article.outlet) : undefined;
  const via = mentionVia(model.index, mention);
  return (
    <span className="mx-pair__side">
      <strong>{outlet?.name ?? mention.article}</strong> <StanceBadge stance={mention.stance} />{' '}
      <span className="mx-pair__via">{via ? `via ${via}` : 'in its own voice'}</span>
    </span>
  );
}
