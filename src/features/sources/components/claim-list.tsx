import { memo } from 'react';
import { StanceBadge } from '@/components/stance-badge';
import { VirtualList } from '@/components/virtual-list/virtual-list';
import { Link } from '@/lib/router/link';
import type { ClaimFilters as Filters, ClaimList as ClaimListModel, ClaimListItem } from '../model/claim-rows';
import { ClaimFilters } from './claim-filters';

const claimItemKey = (item: ClaimListItem) => (item.kind === 'group' ? `group-${item.label}` : item.row.claim.id);

type ClaimListProps = {
  list: ClaimListModel;
  claimCount: number;
  topics: readonly string[];
  filters: Filters;
  selectedClaim: string | null;
  hrefForClaim: (claim: string) => string;
  onChooseClaim: () => void;
  onFilter: (patch: Partial<Filters>) => void;
};

/** The claims beside the panes: choosing one highlights its evidence in every pane. */
export const ClaimList = memo(function ClaimList({
  list,
  claimCount,
  topics,
  filters,
  selectedClaim,
  hrefForClaim,
  onChooseClaim,
  onFilter,
}: ClaimListProps) {
  const selectedIndex = list.items.findIndex((item) => item.kind === 'claim' && item.row.claim.id === selectedClaim);
  return (
    <section className="sources__claims" aria-labelledby="sources-claims-heading">
      <h2 id="sources-claims-heading">
        Claims ({list.total === claimCount ? claimCount : `${list.total} of ${claimCount}`})
      </h2>
      <ClaimFilters filters={filters} topics={topics} onChange={onFilter} />
      {list.items.length === 0 ? <p className="sources__hint">No claim matches these filters.</p> : null}
      <VirtualList<ClaimListItem>
        items={list.items}
        itemKey={claimItemKey}
        estimateSize={64}
        className="claim-list"
        label="Claims"
        revealIndex={selectedIndex}
        itemClassName={(item) =>
          item.kind === 'group'
            ? 'claim-list__group'
            : `claim-list__item${item.row.claim.id === selectedClaim ? ' is-selected' : ''}`
        }
        renderItem={(item) =>
          item.kind === 'group' ? (
            <h3>
              {item.label} ({item.count})
            </h3>
          ) : (
            <>
              <Link
                to={hrefForClaim(item.row.claim.id)}
                aria-current={item.row.claim.id === selectedClaim ? 'true' : undefined}
                onClick={onChooseClaim}
              >
                {item.row.claim.text}
              </Link>
              <span className="claim-list__meta">
                {item.row.stances.map((stance) => (
                  <StanceBadge key={stance} stance={stance} />
                ))}
                {item.row.stances.length > 0 && item.row.silentPanes > 0 ? (
                  <StanceBadge stance="silent" count={item.row.silentPanes} />
                ) : null}
                {item.row.stances.length === 0 ? (
                  <span className="claim-list__elsewhere">
                    {item.row.mentions} {item.row.mentions === 1 ? 'mention' : 'mentions'} in other articles
                  </span>
                ) : null}
              </span>
            </>
          )
        }
      />
    </section>
  );
});
