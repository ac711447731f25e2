import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { canEditVerdicts, type Claim, type Publication } from '@/domain/schemas';
import { publicationQueries } from '@/lib/api/publication-queries';
import { sessionQueries } from '@/lib/api/session-queries';
import { formatDateTime } from '@/lib/format-date-time';
import { stalePublicationOf, usePublishVerdict } from '../api/use-publish-verdict';

function describe(publication: Publication): string {
  const by = publication.editor ? ` by ${publication.editor}` : '';
  const when = publication.at ? `, ${formatDateTime(publication.at)}` : '';
  if (publication.state === 'published') return `Published${by}${when}.`;
  if (publication.state === 'withdrawn') return `Withdrawn${by}${when}.`;
  return 'Not published.';
}

/**
 * Whether the verdict is out for readers (as schema.org ClaimReview, for fact-check
 * aggregators), and for editors the control that publishes or withdraws it.
 */
export function VerdictPublication({ claim }: { claim: Claim }) {
  const id = useId();
  const publication = useQuery(publicationQueries.of(claim.id));
  const session = useQuery(sessionQueries.current());
  const user = session.data?.user ?? null;
  const publish = usePublishVerdict();
  const [message, setMessage] = useState('');
  const editable = user !== null && canEditVerdicts(user.role);

  const change = (current: Publication, state: 'published' | 'withdrawn') => {
    setMessage('');
    publish.mutate(
      { publication: current, state },
      {
        onSuccess: (saved) => setMessage(saved.state === 'published' ? 'Verdict published.' : 'Publication withdrawn.'),
        onError: (error) => {
          const theirs = stalePublicationOf(error);
          setMessage(
            theirs
              ? `Not changed: ${theirs.editor ?? 'another editor'} changed the publication first. ${describe(theirs)}`
              : `Not changed: ${error.message}`,
          );
        },
      },
    );
  };

  return (
    <section className="verdict-publication" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Publication</h3>
      {publication.isPending ? (
        <p role="status">Loading whether the verdict is published…</p>
      ) : publication.isError ? (
        <p role="alert">Could not load whether the verdict is published. {publication.error.message}</p>
      ) : (
        <>
          <p>{describe(publication.data)}</p>
          {/* A read-only edition has no API to link to: its page of the verdict holds the JSON-LD. */}
          {publication.data.state === 'published' && !session.data?.readOnly ? (
            <p>
              <a href={`/api/claims/${encodeURIComponent(claim.id)}/claimreview`} type="application/ld+json">
                ClaimReview (JSON-LD)
              </a>
            </p>
          ) : null}
          {editable ? (
            publication.data.state === 'published' ? (
              <button type="button" disabled={publish.isPending} onClick={() => change(publication.data, 'withdrawn')}>
                Withdraw publication
              </button>
            ) : claim.verdict.status === 'unreviewed' ? (
              <p>Record a verdict before publishing it.</p>
            ) : (
              <button type="button" disabled={publish.isPending} onClick={() => change(publication.data, 'published')}>
                Publish verdict
              </button>
            )
          ) : null}
        </>
      )}
      <p role="status" aria-live="polite" className="verdict-publication__message">
        {publish.isPending ? 'Saving…' : message}
      </p>
    </section>
  );
}
