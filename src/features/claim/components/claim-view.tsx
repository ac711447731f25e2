import { PublishedDate } from '@/components/published-date';
import { QueryStatus } from '@/components/query-status';
import { StanceBadge } from '@/components/stance-badge';
import { AttributionChain } from '@/components/attribution-chain';
import { EvidenceFlagNotice } from '@/components/evidence-flag/evidence-flag-notice';
import { useEvidenceFlags } from '@/components/evidence-flag/use-evidence-flags';
import { OriginTree } from '@/components/origin-tree';
import { ResearchNotes } from '@/components/research-notes';
import { mentionOptionsFor } from '@/components/verdict-editor/mention-options';
import { VerdictEditor } from '@/components/verdict-editor/verdict-editor';
import { readableReferences } from '@/domain/article-references';
import { isContested } from '@/domain/stance-rules';
import { useQuery } from '@tanstack/react-query';
import { canEditVerdicts } from '@/domain/schemas';
import { sessionQueries } from '@/lib/api/session-queries';
import { Link } from '@/lib/router/link';
import { useClaimEvidence } from '@/lib/story/use-claim-evidence';
import { useStoryOverview } from '@/lib/story/use-story-data';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { readInPanes } from '../model/read-in-panes';
import { VerdictHistory } from './verdict-history';
import { ClaimEditor } from './claim-editor';
import { MentionEditor } from '@/components/desk/mention-editor';
import { UndoNotice } from '@/components/desk/undo-notice';
import { VerdictPublication } from './verdict-publication';
import './claim.css';

/**
 * One claim: its wording, its verdict (which editors change here) with the history of the
 * verdict, and every mention with the quoted evidence and attribution chain.
 */
export function ClaimView() {
  // The claim's header reads the overview; its mentions, with their evidence, are read for this claim only.
  const data = useStoryOverview();
  const { state } = useUrlState();
  const loaded = data.status === 'success' ? data.bundle.story.id : null;
  const evidence = useClaimEvidence(loaded ?? '', loaded === null ? null : state.claim);
  const flags = useEvidenceFlags(data.status === 'success' ? data.bundle : null);
  const session = useQuery(sessionQueries.current());
  const user = session.data?.user ?? null;
  const editable = user !== null && canEditVerdicts(user.role);
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  const { index } = data;
  const claim = state.claim ? index.claims.get(state.claim) : undefined;
  if (!claim) {
    return (
      <section role="alert" className="query-status query-status--error">
        <UndoNotice />
        <h2>No such claim</h2>
        <p>This story has no claim “{state.claim}”.</p>
        <Link to={hrefFor(state, { view: 'matrix', claim: null })}>See all claims</Link>
      </section>
    );
  }
  const cells = index.mentionsByClaim.get(claim.id) ?? [];
  const mentions = evidence ? cells.flatMap((cell) => evidence.get(cell.id) ?? []) : [];
  const mentioningArticles = [...new Set(mentions.map((mention) => mention.article))];

  return (
    <section aria-labelledby="claim-heading" className="claim">
      <p className="claim__topic">{claim.topic}</p>
      <h2 id="claim-heading">{claim.text}</h2>
      {claim.basis ? (
        <p className="claim__basis">
          <strong>How this claim was drawn:</strong> {readableReferences(claim.basis, index)}
        </p>
      ) : null}
      {isContested(cells) ? (
        <p>
          <span className="tag tag--contested">contested</span> Some coverage supports this claim and some contradicts
          it.
        </p>
      ) : null}
      {flags.has(claim.id) ? <EvidenceFlagNotice claim={claim} flag={flags.get(claim.id)!} /> : null}
      <VerdictEditor claim={claim} mentionOptions={mentionOptionsFor(index, cells)} />
      <VerdictPublication claim={claim} />
      <VerdictHistory claimId={claim.id} />
      <UndoNotice />
      {editable ? (
        <ClaimEditor key={claim.id} claim={claim} claims={data.bundle.claims} mentionCount={cells.length} />
      ) : null}
      <h3>Where it comes from</h3>
      <OriginTree mentions={cells} index={index} headingLevel={4} />
      <h3>Mentions ({cells.length})</h3>
      {evidence === null ? <p role="status">Loading the evidence…</p> : null}
      <ol className="mentions">
        {mentions.map((mention) => {
          const article = index.articles.get(mention.article);
          const outlet = article && index.outlets.get(article.outlet);
          return (
            <li key={mention.id} className="mention">
              <p className="mention__head">
                <StanceBadge stance={mention.stance} /> <strong>{outlet?.name ?? mention.article}</strong>
                {article ? (
                  <>
                    {' '}
                    · <PublishedDate published={article.published} />
                  </>
                ) : null}
              </p>
              <p className="mention__chain">
                <span className="visually-hidden">Attribution: </span>
                <AttributionChain chain={mention.attribution} index={index} />
                {mention.support === 'partial' ? <span className="tag tag--partial">partial support</span> : null}
              </p>
              {mention.spans.map((span) => (
                <blockquote key={`${span.start}-${span.end}`} className={`evidence evidence--${mention.stance}`}>
                  {span.exact}
                </blockquote>
              ))}
              <dl className="mention__basis" aria-label="Where this mention comes from">
                {article ? (
                  <>
                    <dt>Date</dt>
                    <dd>{article.published.basis}</dd>
                    <dt>Article</dt>
                    <dd>{article.provenance ?? 'Outlet and title as the article gives them.'}</dd>
                  </>
                ) : null}
                <dt>Attribution</dt>
                <dd>{readableReferences(mention.basis?.attribution ?? 'As the text itself states it.', index)}</dd>
                {mention.basis?.stance ? (
                  <>
                    <dt>Stance</dt>
                    <dd>{readableReferences(mention.basis.stance, index)}</dd>
                  </>
                ) : null}
                {mention.basis?.evidence ? (
                  <>
                    <dt>{mention.support === 'partial' ? 'Partial support' : 'Evidence'}</dt>
                    <dd>{readableReferences(mention.basis.evidence, index)}</dd>
                  </>
                ) : null}
              </dl>
              <ResearchNotes
                ids={mention.basis?.notes}
                index={index}
                what={`the mention in ${outlet?.name ?? 'the article'}`}
              />
              <Link
                to={hrefFor(state, {
                  view: 'sources',
                  claim: claim.id,
                  panes: readInPanes(state.panes, mention.article, mentioningArticles),
                })}
              >
                Read in {outlet?.name ?? 'the article'}
              </Link>
              {editable && article ? (
                <details className="mention__edit">
                  <summary>Edit this mention</summary>
                  <MentionEditor
                    key={mention.id}
                    mention={mention}
                    outletName={outlet?.name ?? mention.article}
                    storyId={claim.story}
                    publishedBy={article.outlet}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
