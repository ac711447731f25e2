import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { QueryStatus } from '@/components/query-status';
import type { StoryIndex } from '@/domain/story-index';
import type { Stance } from '@/domain/schemas';
import { Link } from '@/lib/router/link';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { coverageQueries } from '../api/coverage-queries';
import { useReviewActions } from '../api/use-review-actions';
import { NewClaimForm } from './new-claim-form';
import { SuggestionCard } from './suggestion-card';

const SHOWN_AT_FIRST = 12;

type ReviewPanelProps = { storyId: string; articleId: string; index: StoryIndex; topics: readonly string[] };

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
  const shown = showAll ? suggestions : suggestions.slice(0, SHOWN_AT_FIRST);
  const mentionsHere = index.mentionsByArticle.get(articleId)?.length ?? 0;

  const acceptSuggestion = (claim: string, range: [number, number], stance: Stance) =>
    accept.mutate(
      { claim, article: articleId, stance, range },
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

      <h3>Suggested claims ({suggestions.length})</h3>
      {suggestions.length === 0 ? <p>No open suggestions: every likely sentence has been decided.</p> : null}
      <ol className="suggestions">
        {shown.map((s) => (
          <SuggestionCard
            key={`${s.claim}@${s.range[0]}`}
            suggestion={s}
            claim={index.claims.get(s.claim)}
            busy={busy}
            onAccept={(stance) => acceptSuggestion(s.claim, s.range, stance)}
            onReject={() =>
              reject.mutate(
                { claim: s.claim, sentenceStart: s.range[0] },
                { onSuccess: () => setAnnouncement(`Rejected: ${index.claims.get(s.claim)?.text ?? s.claim}.`) },
              )
            }
          />
        ))}
      </ol>
      {suggestions.length > SHOWN_AT_FIRST && !showAll ? (
        <button type="button" onClick={() => setShowAll(true)}>
          Show all {suggestions.length} suggestions
        </button>
      ) : null}

      <details className="review__sentences">
        <summary>A sentence no claim fits? Word a new claim from it</summary>
        <ol>
          {sentences.map((sentence, i) => (
            <li key={sentence.start}>
              <span>{sentence.text}</span>{' '}
              {newClaimFrom === i ? (
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
