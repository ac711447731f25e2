import { PublishedDate } from '@/components/published-date';
import { QueryStatus } from '@/components/query-status';
import { StanceBadge } from '@/components/stance-badge';
import { OriginTree } from '@/components/origin-tree';
import { mentionOptionsFor } from '@/components/verdict-editor/mention-options';
import { VerdictEditor } from '@/components/verdict-editor/verdict-editor';
import { isContested } from '@/domain/stance-rules';
import { formatAttribution } from '@/domain/story-index';
import { Link } from '@/lib/router/link';
import { useStoryData } from '@/lib/story/use-story-data';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { VerdictHistory } from './verdict-history';
import './claim.css';

/**
 * One claim: its wording, its verdict (which editors change here) with the history of the
 * verdict, and every mention with the quoted evidence and attribution chain.
 */
export function ClaimView() {
  const data = useStoryData();
  const { state } = useUrlState();
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  const { index } = data;
  const claim = state.claim ? index.claims.get(state.claim) : undefined;
  if (!claim) {
    return (
      <section role="alert" className="query-status query-status--error">
        <h2>No such claim</h2>
        <p>This story has no claim “{state.claim}”.</p>
        <Link to={hrefFor(state, { view: 'matrix', claim: null })}>See all claims</Link>
      </section>
    );
  }
  const mentions = index.mentionsByClaim.get(claim.id) ?? [];

  return (
    <section aria-labelledby="claim-heading" className="claim">
      <p className="claim__topic">{claim.topic}</p>
      <h2 id="claim-heading">{claim.text}</h2>
      {isContested(mentions) ? (
        <p>
          <span className="tag tag--contested">contested</span> Some coverage supports this claim and some contradicts
          it.
        </p>
      ) : null}
      <VerdictEditor claim={claim} mentionOptions={mentionOptionsFor(index, mentions)} />
      <VerdictHistory claimId={claim.id} />
      <h3>Where it comes from</h3>
      <OriginTree mentions={mentions} index={index} headingLevel={4} />
      <h3>Mentions ({mentions.length})</h3>
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
                {formatAttribution(index, mention.attribution)}
              </p>
              {mention.spans.map((span) => (
                <blockquote key={`${span.start}-${span.end}`} className={`evidence evidence--${mention.stance}`}>
                  {span.exact}
                </blockquote>
              ))}
              <Link to={hrefFor(state, { view: 'sources', claim: claim.id, panes: [mention.article] })}>
                Read in {outlet?.name ?? 'the article'}
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
