import { memo } from 'react';
import { STANCE_GLYPHS } from '@/components/stance-badge';
import type { Slot } from '@/components/virtual-list/use-windowed-axis';
import type { StanceCell } from '@/domain/schemas';
import type { UrlState } from '@/domain/url-state';
import { Link } from '@/lib/router/link';
import { hrefFor } from '@/lib/url-state/use-url-state';
import { cellHint, cellLabel } from '../model/cell-text';
import { FIXED_COUNT, type FixedLayout } from '../model/grid-layout';
import { cellStances, type ClaimStats, type MatrixColumn, type MatrixModel } from '../model/matrix-model';

/** What every row needs, one object while it does not change, so that rows can skip re-rendering. */
export type RowShared = {
  model: MatrixModel;
  cells: Map<string, Map<string, StanceCell[]>>;
  columns: readonly MatrixColumn[];
  columnSlots: readonly Slot[];
  state: UrlState;
  totalWidth: number;
  layout: FixedLayout;
  /** Claims whose evidence changed since their verdict, shown to editors (empty for others). */
  flagged: ReadonlySet<string>;
};

type ClaimRowProps = {
  stats: ClaimStats;
  rowIndex: number;
  top: number;
  height: number;
  shared: RowShared;
  /** The focused column when the focus is in this row, else -1. */
  activeCol: number;
  /** Undefined unless the claim is open; then the open column, or null for the claim alone. */
  openColumn: string | null | undefined;
  /** Describes the focused source cell with its quotes. */
  describedBy: string | undefined;
};

/** A claim's row; memoized, so scrolling and moving the focus re-render only the rows that change. */
export const ClaimRow = memo(function ClaimRow({
  stats,
  rowIndex,
  top,
  height,
  shared,
  activeCol,
  openColumn,
  describedBy,
}: ClaimRowProps) {
  const { model, cells, columns, columnSlots, state, totalWidth, layout } = shared;
  const place = (i: number) => ({ left: layout.left[i], width: layout.columns[i]?.width });
  const { claim } = stats;
  const origins = model.originCounts(claim.id);
  const row = cells.get(claim.id);
  const isOpen = openColumn !== undefined;
  const tab = (col: number) => (activeCol === col ? 0 : -1);
  const className = ['mx-row', 'mx-row--claim', stats.contested ? 'is-contested' : '', isOpen ? 'is-open' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 1}
      // Named by its claim, so that moving between rows says which claim without reading every cell.
      aria-label={stats.contested ? `${claim.text} (contested)` : claim.text}
      className={className}
      style={{ top, height, width: totalWidth }}
    >
      <div role="rowheader" aria-colindex={1} className="mx-cell mx-cell--fixed mx-cell--claim" style={place(0)}>
        <Link
          to={hrefFor(state, { view: 'claim', claim: claim.id, cell: null })}
          className="mx-claim__text"
          tabIndex={tab(0)}
          data-pos={`${rowIndex}:0`}
          title={claim.text}
        >
          {claim.text}
        </Link>
        {stats.contested ? <span className="tag tag--contested mx-claim__tag">contested</span> : null}
      </div>
      <div
        role="gridcell"
        aria-colindex={2}
        className={`mx-cell mx-cell--fixed mx-cell--origins${openColumn === null ? ' is-open' : ''}`}
        style={place(1)}
        tabIndex={tab(1)}
        data-pos={`${rowIndex}:1`}
        // The claim opened from here (not from a source's cell): selected, and its details expanded.
        aria-selected={openColumn === null ? true : undefined}
        aria-expanded={openColumn === null}
        aria-label={`${origins.support} independent origin${origins.support === 1 ? '' : 's'} for, ${origins.opposition} against`}
      >
        {layout.compact
          ? `${origins.support} · ${origins.opposition}`
          : `${origins.support} for · ${origins.opposition} against`}
      </div>
      <div
        role="gridcell"
        aria-colindex={3}
        className="mx-cell mx-cell--fixed mx-cell--verdict"
        style={place(2)}
        tabIndex={tab(2)}
        data-pos={`${rowIndex}:2`}
      >
        <span className={`mx-verdict mx-verdict--${claim.verdict.status}`}>{claim.verdict.status}</span>
        {shared.flagged.has(claim.id) ? (
          <span className="mx-evidence-flag" title="Evidence changed since this verdict">
            <span aria-hidden="true">⚑</span>
            <span className="visually-hidden">, evidence changed since this verdict</span>
          </span>
        ) : null}
      </div>
      {columnSlots.map((slot) => {
        const column = columns[slot.index] as MatrixColumn;
        const col = FIXED_COUNT + slot.index;
        const focused = activeCol === col;
        return (
          <SourceCell
            key={column.id}
            model={model}
            claimId={claim.id}
            columnId={column.id}
            mentions={row?.get(column.id)}
            col={col}
            rowIndex={rowIndex}
            slot={slot}
            focused={focused}
            open={openColumn === column.id}
            describedBy={focused ? describedBy : undefined}
          />
        );
      })}
    </div>
  );
});

type SourceCellProps = {
  model: MatrixModel;
  claimId: string;
  columnId: string;
  mentions: readonly StanceCell[] | undefined;
  col: number;
  rowIndex: number;
  slot: Slot;
  focused: boolean;
  open: boolean;
  describedBy: string | undefined;
};

/** How one source treats the claim: its stances as glyphs, named for screen readers by stance and origin. */
function SourceCell({
  model,
  claimId,
  columnId,
  mentions,
  col,
  rowIndex,
  slot,
  focused,
  open,
  describedBy,
}: SourceCellProps) {
  const stances = cellStances(mentions);
  const stanceClass = stances.length === 0 ? 'silent' : stances.length === 1 ? (stances[0] as string) : 'mixed';
  return (
    <div
      role="gridcell"
      aria-colindex={col + 1}
      className={`mx-cell mx-cell--source mx-src--${stanceClass}${open ? ' is-open' : ''}`}
      style={{ left: slot.start, width: slot.size }}
      tabIndex={focused ? 0 : -1}
      data-pos={`${rowIndex}:${col}`}
      data-cell={mentions ? `${claimId} ${columnId}` : undefined}
      aria-label={cellLabel(model.index, mentions)}
      aria-describedby={describedBy}
      aria-selected={open ? true : undefined}
      aria-expanded={open}
    >
      {/* Most cells of a large story are silent: they stay a single element. */}
      {stances.length === 0 ? (
        STANCE_GLYPHS.silent
      ) : (
        <>
          <span className="mx-src__glyphs" aria-hidden="true">
            {stances.map((stance) => (
              <span key={stance} className={`mx-glyph mx-glyph--${stance}`}>
                {STANCE_GLYPHS[stance]}
              </span>
            ))}
          </span>
          <span className="mx-src__hint" aria-hidden="true">
            {cellHint(model.index, mentions)}
          </span>
        </>
      )}
    </div>
  );
}
