import { QueryStatus } from '../../../components/query-status';
import { StanceBadge } from '../../../components/stance-badge';
import { countStances, isContested, STANCES } from '../../../domain/stance-rules';
import { Link } from '../../../lib/router/link';
import { useStoryData } from '../../../lib/story/use-story-data';
import { hrefFor, useUrlState } from '../../../lib/url-state/use-url-state';
import { claimsByTopic } from './claims-by-topic';

/** Every claim with how many sources assert, report, deny or contradict it, grouped by topic. */
export function MatrixView() {
  const data = useStoryData();
  const { state } = useUrlState();
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  const { bundle, index } = data;
  const sourceCount = bundle.articles.length;

  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Claims and their coverage</h2>
      <p className="view-intro">
        {bundle.claims.length} claims across {sourceCount} articles. A claim is contested when one source is for it and
        another against.
      </p>
      <table className="claims-table">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {STANCES.map((stance) => (
              <th scope="col" key={stance}>
                <StanceBadge stance={stance} />
              </th>
            ))}
            <th scope="col">
              <StanceBadge stance="silent" />
            </th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        {claimsByTopic(bundle.claims).map(([topic, claims]) => (
          <tbody key={topic}>
            <tr className="claims-table__topic">
              <th scope="rowgroup" colSpan={STANCES.length + 3}>
                {topic}
              </th>
            </tr>
            {claims.map((claim) => {
              const mentions = index.mentionsByClaim.get(claim.id) ?? [];
              const counts = countStances(mentions);
              const silent = sourceCount - new Set(mentions.map((m) => m.article)).size;
              const contested = isContested(mentions);
              return (
                <tr key={claim.id} className={contested ? 'is-contested' : undefined}>
                  <th scope="row">
                    <Link to={hrefFor(state, { view: 'claim', claim: claim.id })}>{claim.text}</Link>
                    {contested ? <span className="tag tag--contested">contested</span> : null}
                  </th>
                  {STANCES.map((stance) => (
                    <td key={stance} className="num">
                      {counts[stance]}
                    </td>
                  ))}
                  <td className="num">{silent}</td>
                  <td>{claim.verdict.status}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </section>
  );
}
