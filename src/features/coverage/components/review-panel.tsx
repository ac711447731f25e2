import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { QueryStatus } from '@/components/query-status';
import type { AnyStoryIndex } from '@/domain/story-index';
import { prefillChain } from '@/domain/ingest/attribution-prefill';
import { countClaimOrigins, originContextFor, sideOf } from '@/domain/origin-analysis';
import type { AttributionNode, ClaimSuggestionData, Stance } from '@/domain/schemas';
import { Link } from '@/lib/router/link';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { coverageQueries } from '../api/coverage-queries';
import { useReviewActions } from '../api/use-review-actions';
import { NewClaimForm } from './new-claim-form';
import { SuggestionCard, type ChainChoice } from './suggestion-card';

/** Sentences with suggestions shown before "show all". */
const SHOWN_AT_FIRST = 15;

type ReviewPanelProps = { storyId: string; articleId: string; index: AnyStoryIndex; topics: readonly string[] };

/** The suggestions for a new article: accept (with the right stance), reject, or word a new claim. */
export function ReviewPanel({ storyId, articleId, index, topics }: ReviewPanelProps) {
  const { state } = useUrlState();
  const review = useQuery(coverageQueries.review(articleId));
  const article = useQuery(coverageQueries.article(articleId));
  const { accept, reject, createClaim } = useReviewActions(storyId, articleId);
  const [announcement, setAnnouncement] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [newClaimFrom, setNewClaimFrom] = useState<number | null>(null);
  const busy = accept.isPending || reject.isPending || createClaim.isPending;
  const failure = accept.error ?? reject.error ?? createClaim.error;

  const choices = useMemo<ChainChoice[]>(
    () =>
      [
        ...[...index.actors.values()].map((a) => ({ node: { kind: 'actor' as const, id: a.id }, name: a.name })),
        ...[...index.outlets.values()].map((o) => ({ node: { kind: 'outlet' as const, id: o.id }, name: o.name })),
      ].sort((a, b) => a.name.localeCompare(b.name)),
    [index],
  );

  const sentences = useMemo(
    () =>
      article.data?.sentences.map(([start, end]) => ({ start, end, text: article.data.body.slice(start, end) })) ?? [],
    [article.data],
  );

  if (!review.data) {
    return <QueryStatus status={review.isError ? 'error' : 'pending'} query={review} what="the suggestions" />;
  }
  const { article: meta, analysis, suggestions } = review.data;
  const outletName = index.outlets.get(meta.outlet)?.name ?? meta.outlet;
  // The server sends them sentence by sentence in article order, best first within one.
  const groups: { start: number; end: number; text: string; items: ClaimSuggestionData[] }[] = [];
  for (const s of suggestions) {
    const last = groups.at(-1);
    if (last && last.start === s.range[0]) last.items.push(s);
    else groups.push({ start: s.range[0], end: s.range[1], text: s.text, items: [s] });
  }
  const shown = showAll ? groups : groups.slice(0, SHOWN_AT_FIRST);
  const sentenceNumber = (start: number) => sentences.findIndex((sentence) => sentence.start === start) + 1;
  const mentionsHere = index.mentionsByArticle.get(articleId)?.length ?? 0;

  const newClaimForm = (sentence: { start: number; end: number; text: string }) => (
    <NewClaimForm
      sentence={sentence.text}
      topics={topics}
      busy={busy}
      onCancel={() => setNewClaimFrom(null)}
      onCreate={(claim) =>
        createClaim.mutate(claim, {
          onSuccess: (created) => {
            setNewClaimFrom(null);
            acceptSuggestion(created.id, [sentence.start, sentence.end], 'asserts');
          },
        })
      }
    />
  );

  const nameOf = (node: AttributionNode) =>
    (node.kind === 'actor' ? index.actors.get(node.id)?.name : index.outlets.get(node.id)?.name) ?? node.id;
  const chainFor = (range: [number, number]) =>
    prefillChain(
      range,
      analysis.attributions,
      analysis.names,
      { actors: index.actors.values(), outlets: index.outlets.values() },
      meta.outlet,
    );
  /** The claim's independent origins now and with this mention, said as the matrix counts them. */
  const originPreview = (claim: string) => (stance: Stance, chain: AttributionNode[]) => {
    const context = originContextFor(index);
    const mentions = index.mentionsByClaim.get(claim) ?? [];
    const before = countClaimOrigins(mentions, context);
    const after = countClaimOrigins(
      [...mentions, { id: 'm-preview', article: articleId, stance, attribution: chain }],
      context,
    );
    const side = sideOf(stance);
    if (!side) return 'Independent origins: unchanged (this stance counts on neither side).';
    const label = side === 'support' ? 'supporting' : 'opposing';
    return before[side] === after[side]
      ? `Independent ${label} origins stay ${before[side]}: this source is already counted.`
      : `Independent ${label} origins: ${before[side]} → ${after[side]}.`;
  };

  const acceptSuggestion = (
    claim: string,
    range: [number, number],
    stance: Stance,
    attribution: AttributionNode[] = [{ kind: 'outlet', id: meta.outlet }],
  ) =>
    accept.mutate(
      { claim, article: articleId, stance, range, attribution },
      { onSuccess: () => setAnnouncement(`Accepted: ${index.claims.get(claim)?.text ?? claim} (${stance}).`) },
    );

  return (
    <section className="review" aria-labelledby="review-heading">
      <h2 id="review-heading">
        Review: {outletName} — {meta.title}
      </h2>
      <p>
        {analysis.format.toUpperCase()} input · {mentionsHere} claim mention{mentionsHere === 1 ? '' : 's'} recorded ·{' '}
        {analysis.attributions.length} attributions · {analysis.quotations.length} quotations · {analysis.dates.length}{' '}
        relative dates
      </p>
      {analysis.dates.length > 0 ? (
        <p className="review__dates">
          Dates:{' '}
          {analysis.dates
            .map(
              (d) =>
                `“${d.phrase}” = ${d.date.start === d.date.end ? d.date.start : `${d.date.start} – ${d.date.end}`}`,
            )
            .join('; ')}
        </p>
      ) : null}
      <p className="review__links">
        <Link to={hrefFor(state, { view: 'sources', panes: [articleId], claim: null, article: null })}>
          Read it in Sources
        </Link>{' '}
        · <Link to={hrefFor(state, { view: 'matrix', article: null })}>See it in the Matrix</Link>
      </p>
      <div aria-live="polite" className="review__status">
        {announcement ? <p>{announcement}</p> : null}
        {failure ? <p role="alert">Not saved: {failure.message}</p> : null}
      </div>

      <h3>
        Suggested claims: {suggestions.length} for {groups.length} sentence{groups.length === 1 ? '' : 's'}
      </h3>
      {suggestions.length === 0 ? <p>No open suggestions: every likely sentence has been decided.</p> : null}
      <ol className="suggestion-groups">
        {shown.map((group) => {
          const number = sentenceNumber(group.start);
          return (
            <li key={group.start} className="suggestion-group" aria-label={`Sentence ${number}`}>
              <blockquote className="suggestion__evidence">{group.text}</blockquote>
              <ol className="suggestions">
                {group.items.map((s) => (
                  <SuggestionCard
                    key={`${s.claim}@${s.range[0]}`}
                    suggestion={s}
                    claim={index.claims.get(s.claim)}
                    busy={busy}
                    chain={chainFor(s.range)}
                    choices={choices}
                    nameOf={nameOf}
                    originPreview={originPreview(s.claim)}
                    onAccept={(stance, chain) => acceptSuggestion(s.claim, s.range, stance, chain)}
                    onReject={() =>
                      reject.mutate(
                        { claim: s.claim, sentenceStart: s.range[0] },
                        {
                          onSuccess: () => setAnnouncement(`Rejected: ${index.claims.get(s.claim)?.text ?? s.claim}.`),
                        },
                      )
                    }
                  />
                ))}
              </ol>
              {newClaimFrom === number - 1 ? (
                newClaimForm(group)
              ) : (
                <button
                  type="button"
                  onClick={() => setNewClaimFrom(number - 1)}
                  aria-label={`No existing claim fits sentence ${number}: word a new one`}
                >
                  No existing claim fits — word a new one
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {groups.length > SHOWN_AT_FIRST && !showAll ? (
        <button type="button" onClick={() => setShowAll(true)}>
          Show all {groups.length} sentences with suggestions
        </button>
      ) : null}

      <details className="review__sentences">
        <summary>A sentence no claim fits? Word a new claim from it</summary>
        <ol>
          {sentences.map((sentence, i) => (
            <li key={sentence.start}>
              <span>{sentence.text}</span>{' '}
              {newClaimFrom === i ? (
                newClaimForm(sentence)
              ) : (
                <button
                  type="button"
                  onClick={() => setNewClaimFrom(i)}
                  aria-label={`New claim from sentence ${i + 1}`}
                >
                  New claim…
                </button>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
