import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useId,
  useImperativeHandle,
  memo,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type Ref,
} from 'react';
import { STANCE_GLYPHS } from '@/components/stance-badge';
import type { Mention } from '@/domain/schemas';
import type { UrlState } from '@/domain/url-state';
import { formatDay, formatDayRange } from '@/lib/format-date';
import { Link } from '@/lib/router/link';
import { hrefFor } from '@/lib/url-state/use-url-state';
import { cellHint, cellLabel } from '../model/cell-text';
import { moveInGrid, type GridPosition } from '../model/grid-keys';
import { cellStances, type ClaimStats, type MatrixColumn, type MatrixModel } from '../model/matrix-model';
import type { MatrixSelection } from '../model/select-matrix';
import { usePreviewStore } from '../store/preview-store';
import {
  FIXED_COLUMNS,
  FIXED_COUNT,
  FIXED_LEFT,
  FIXED_WIDTH,
  GRID,
  rowHeight,
  rowKey,
  rowStarts,
  sourceLeft,
  WINDOW_COLUMNS_FROM,
  WINDOW_ROWS_FROM,
} from './grid-layout';

export type OpenCell = { claimId: string; columnId: string | null };

export type MatrixGridHandle = { focusActiveCell(): void };

type MatrixGridProps = {
  model: MatrixModel;
  selection: MatrixSelection;
  state: UrlState;
  open: OpenCell | null;
  onOpen: (cell: OpenCell, by: 'keyboard' | 'pointer') => void;
  labelledBy: string;
  handleRef?: Ref<MatrixGridHandle>;
};

type Slot = { index: number; start: number; size: number };

const posKey = (pos: GridPosition) => `${pos.row}:${pos.col}`;

function withIndex(range: Range, extra: number): number[] {
  const indexes = defaultRangeExtractor(range);
  // The focused cell stays in the page even when scrolled out of view, so the grid keeps its tab stop.
  if (extra < 0 || extra >= range.count || indexes.includes(extra)) return indexes;
  return [...indexes, extra].sort((a, b) => a - b);
}

/**
 * The matrix as an ARIA grid: one roving tab stop, arrow keys, Home/End, Ctrl+Home/End and
 * PageUp/PageDown move it; Enter opens a cell. Large grids render only the rows and columns in
 * view (plus the focused cell); the header row and the claim columns stay in place.
 */
export function MatrixGrid({ model, selection, state, open, onOpen, labelledBy, handleRef }: MatrixGridProps) {
  const { rows, columns } = selection;
  const cells = model.cells(selection.mode);
  const colCount = FIXED_COUNT + columns.length;
  const rowCount = rows.length + 1;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  // Filters can shrink the grid under the focus: it then stays on the nearest cell.
  const posRow = Math.min(active.row, rowCount - 1);
  const posCol = Math.min(active.col, colCount - 1);
  const pos = useMemo<GridPosition>(() => ({ row: posRow, col: posCol }), [posRow, posCol]);
  const focusPending = useRef(false);

  const starts = useMemo(() => rowStarts(rows), [rows]);
  const totalHeight = starts[rows.length] as number;
  const totalWidth = sourceLeft(columns.length);
  const windowRows = rows.length >= WINDOW_ROWS_FROM;
  const windowColumns = columns.length >= WINDOW_COLUMNS_FROM;

  const activeRowIndex = pos.row - 1;
  const activeColumnIndex = pos.col - FIXED_COUNT;
  const rowRange = useCallback((range: Range) => withIndex(range, activeRowIndex), [activeRowIndex]);
  const columnRange = useCallback((range: Range) => withIndex(range, activeColumnIndex), [activeColumnIndex]);
  const rowItemKey = useCallback((i: number) => rowKey(rows[i], i), [rows]);
  const columnItemKey = useCallback((i: number) => columns[i]?.id ?? i, [columns]);

  // The virtualizers only window; positions come from the fixed sizes above.
  // eslint-disable-next-line react-hooks/incompatible-library -- its results are read during this render only, never memoized
  const rowWindow = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => rowHeight(rows[i]),
    getItemKey: rowItemKey,
    paddingStart: GRID.headerHeight,
    overscan: 4,
    rangeExtractor: rowRange,
    enabled: windowRows,
  });
  const columnWindow = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GRID.sourceWidth,
    getItemKey: columnItemKey,
    paddingStart: FIXED_WIDTH,
    overscan: 2,
    rangeExtractor: columnRange,
    enabled: windowColumns,
  });

  const allRows = useMemo(
    () =>
      windowRows
        ? []
        : rows.map((_, index) => ({ index, start: starts[index] as number, size: rowHeight(rows[index]) })),
    [rows, starts, windowRows],
  );
  const allColumns = useMemo(
    () =>
      windowColumns ? [] : columns.map((_, index) => ({ index, start: sourceLeft(index), size: GRID.sourceWidth })),
    [columns, windowColumns],
  );
  const rowSlots: Slot[] = windowRows ? rowWindow.getVirtualItems() : allRows;
  const columnSlots: Slot[] = windowColumns ? columnWindow.getVirtualItems() : allColumns;

  const focusTarget = useCallback((at: GridPosition) => {
    const grid = gridRef.current;
    return (
      grid?.querySelector<HTMLElement>(`[data-pos="${posKey(at)}"]`) ??
      grid?.querySelector<HTMLElement>(`[data-pos="${at.row}:*"]`) ??
      null
    );
  }, []);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    focusTarget(pos)?.focus({ preventScroll: true });
  });

  useImperativeHandle(handleRef, () => ({ focusActiveCell: () => focusTarget(pos)?.focus({ preventScroll: true }) }), [
    focusTarget,
    pos,
  ]);

  /** Scrolls just enough to show the cell beside the fixed header row and claim columns. */
  const reveal = (at: GridPosition) => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    if (at.row > 0) {
      const top = starts[at.row - 1] as number;
      const bottom = starts[at.row] as number;
      if (top - GRID.headerHeight < scroller.scrollTop) scroller.scrollTop = top - GRID.headerHeight;
      else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    }
    if (at.col >= FIXED_COUNT && rows[at.row - 1]?.kind !== 'topic') {
      const left = sourceLeft(at.col - FIXED_COUNT);
      const right = left + GRID.sourceWidth;
      if (left - FIXED_WIDTH < scroller.scrollLeft) scroller.scrollLeft = left - FIXED_WIDTH;
      else if (right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = right - scroller.clientWidth;
    }
  };

  /** The claim and column a position opens, if it opens anything. */
  const openable = (at: GridPosition): OpenCell | null => {
    const row = rows[at.row - 1];
    if (row?.kind !== 'claim' || at.col === 0) return null;
    const column = at.col >= FIXED_COUNT ? columns[at.col - FIXED_COUNT] : undefined;
    return { claimId: row.stats.claim.id, columnId: column?.id ?? null };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey) return;
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 600) - GRID.headerHeight) / GRID.claimRowHeight) - 1,
    );
    const next = moveInGrid(event.key, { ctrl: event.ctrlKey }, pos, { rows: rowCount, cols: colCount, pageRows });
    if (next) {
      event.preventDefault();
      usePreviewStore.getState().hide('all');
      focusPending.current = true;
      setActive(next);
      reveal(next);
      // The first cell is always in view (fixed header and column); the reader still expects the start.
      if (event.key === 'Home' && event.ctrlKey) scrollRef.current?.scrollTo({ top: 0, left: 0 });
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const target = openable(pos);
      if (target) {
        event.preventDefault();
        usePreviewStore.getState().hide('all');
        onOpen(target, 'keyboard');
      } else if (event.key === ' ') {
        event.preventDefault();
      }
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-pos]');
    const [row, col] = (element?.dataset.pos ?? '').split(':');
    if (row === undefined || col === undefined) return;
    const focused = { row: Number(row), col: col === '*' ? pos.col : Number(col) };
    if (focused.row !== active.row || focused.col !== active.col) setActive(focused);
    previewFrom(element, 'focus');
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!gridRef.current?.contains(event.relatedTarget)) usePreviewStore.getState().hide('focus');
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-pos]');
    const [row, col] = (element?.dataset.pos ?? '').split(':');
    if (row === undefined || col === undefined || col === '*') return;
    const target = openable({ row: Number(row), col: Number(col) });
    if (!target) return;
    usePreviewStore.getState().hide('all');
    onOpen(target, 'pointer');
  };

  const onPointerOver = (event: PointerEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (element) previewFrom(element, 'pointer');
    else usePreviewStore.getState().hide('pointer');
  };

  const activeRow = rows[pos.row - 1];
  const activeColumn = columns[pos.col - FIXED_COUNT];
  const activeMentions =
    activeRow?.kind === 'claim' && activeColumn ? cells.get(activeRow.stats.claim.id)?.get(activeColumn.id) : undefined;

  const shared = useMemo<RowShared>(
    () => ({ model, cells, columns, columnSlots, state, totalWidth }),
    [model, cells, columns, columnSlots, state, totalWidth],
  );
  const describedBy = activeMentions ? descriptionId : undefined;

  return (
    <div className="mx-scroll" ref={scrollRef} onScroll={() => usePreviewStore.getState().hide('all')}>
      <div
        ref={gridRef}
        role="grid"
        aria-labelledby={labelledBy}
        aria-rowcount={rowCount}
        aria-colcount={colCount}
        className="mx-grid"
        style={{ width: totalWidth, height: totalHeight }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        onClick={onClick}
        onPointerOver={onPointerOver}
        onPointerLeave={() => usePreviewStore.getState().hide('pointer')}
      >
        <div role="rowgroup" className="mx-head">
          <div
            role="row"
            aria-rowindex={1}
            className="mx-row mx-row--head"
            style={{ width: totalWidth, height: GRID.headerHeight }}
          >
            {FIXED_COLUMNS.map((column, i) => (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={i + 1}
                className={`mx-cell mx-cell--fixed mx-head--${column.id}`}
                style={{ left: FIXED_LEFT[i], width: column.width }}
                tabIndex={pos.row === 0 && pos.col === i ? 0 : -1}
                data-pos={`0:${i}`}
              >
                {column.title}
                {column.id === 'origins' ? <span className="mx-head__sub">for · against</span> : null}
              </div>
            ))}
            {columnSlots.map((slot) => {
              const column = columns[slot.index] as MatrixColumn;
              const col = FIXED_COUNT + slot.index;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-colindex={col + 1}
                  className="mx-cell mx-cell--source-head"
                  style={{ left: slot.start, width: slot.size }}
                  tabIndex={pos.row === 0 && pos.col === col ? 0 : -1}
                  data-pos={`0:${col}`}
                  title={
                    column.kind === 'article'
                      ? column.title
                      : `${column.outletName}: ${column.title}, ${formatDayRange(column.firstDate, column.lastDate)}`
                  }
                >
                  <span className="mx-head__outlet">{column.outletName}</span>
                  {column.kind === 'article' ? (
                    <span className="mx-head__sub">{formatDay(column.firstDate)}</span>
                  ) : (
                    <span className="mx-head__sub">
                      {column.articleIds.length} article{column.articleIds.length === 1 ? '' : 's'},{' '}
                      {shortRange(column.firstDate, column.lastDate)}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup">
          {rowSlots.map((slot) => {
            const row = rows[slot.index];
            if (!row) return null;
            const rowIndex = slot.index + 1;
            return row.kind === 'topic' ? (
              <div
                key={`topic:${row.topic}`}
                role="row"
                aria-rowindex={rowIndex + 1}
                className="mx-row mx-row--topic"
                style={{ top: slot.start, height: slot.size, width: totalWidth }}
              >
                <div
                  role="rowheader"
                  aria-colindex={1}
                  aria-colspan={colCount}
                  className="mx-cell mx-cell--topic"
                  tabIndex={pos.row === rowIndex ? 0 : -1}
                  data-pos={`${rowIndex}:*`}
                >
                  <span className="mx-topic__label">
                    {row.topic} <span className="mx-topic__count">({row.count})</span>
                  </span>
                </div>
              </div>
            ) : (
              <ClaimRow
                key={row.stats.claim.id}
                stats={row.stats}
                rowIndex={rowIndex}
                top={slot.start}
                height={slot.size}
                shared={shared}
                activeCol={pos.row === rowIndex ? pos.col : -1}
                openColumn={open?.claimId === row.stats.claim.id ? open.columnId : undefined}
                describedBy={pos.row === rowIndex ? describedBy : undefined}
              />
            );
          })}
        </div>
      </div>
      {selection.rows.length === 0 ? (
        <p className="mx-empty">No claim matches these filters.</p>
      ) : columns.length === 0 ? (
        <p className="mx-empty">No source matches these filters.</p>
      ) : null}
      <div id={descriptionId} className="visually-hidden">
        {activeMentions ? evidenceText(activeMentions) : null}
      </div>
    </div>
  );
}

/** What every row needs, one object while it does not change, so that rows can skip re-rendering. */
type RowShared = {
  model: MatrixModel;
  cells: Map<string, Map<string, Mention[]>>;
  columns: MatrixColumn[];
  columnSlots: Slot[];
  state: UrlState;
  totalWidth: number;
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
const ClaimRow = memo(function ClaimRow({
  stats,
  rowIndex,
  top,
  height,
  shared,
  activeCol,
  openColumn,
  describedBy,
}: ClaimRowProps) {
  const { model, cells, columns, columnSlots, state, totalWidth } = shared;
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
      <div
        role="rowheader"
        aria-colindex={1}
        className="mx-cell mx-cell--fixed mx-cell--claim"
        style={{ left: FIXED_LEFT[0], width: FIXED_COLUMNS[0].width }}
      >
        <Link
          to={hrefFor(state, { view: 'claim', claim: claim.id })}
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
        style={{ left: FIXED_LEFT[1], width: FIXED_COLUMNS[1].width }}
        tabIndex={tab(1)}
        data-pos={`${rowIndex}:1`}
        aria-label={`${origins.support} independent origin${origins.support === 1 ? '' : 's'} for, ${origins.opposition} against`}
      >
        {origins.support} for · {origins.opposition} against
      </div>
      <div
        role="gridcell"
        aria-colindex={3}
        className="mx-cell mx-cell--fixed mx-cell--verdict"
        style={{ left: FIXED_LEFT[2], width: FIXED_COLUMNS[2].width }}
        tabIndex={tab(2)}
        data-pos={`${rowIndex}:2`}
      >
        <span className={`mx-verdict mx-verdict--${claim.verdict.status}`}>{claim.verdict.status}</span>
      </div>
      {columnSlots.map((columnSlot) => {
        const column = columns[columnSlot.index] as MatrixColumn;
        const col = FIXED_COUNT + columnSlot.index;
        const mentions = row?.get(column.id);
        const stances = cellStances(mentions);
        const focused = activeCol === col;
        const stanceClass = stances.length === 0 ? 'silent' : stances.length === 1 ? (stances[0] as string) : 'mixed';
        return (
          <div
            key={column.id}
            role="gridcell"
            aria-colindex={col + 1}
            className={`mx-cell mx-cell--source mx-src--${stanceClass}${openColumn === column.id ? ' is-open' : ''}`}
            style={{ left: columnSlot.start, width: columnSlot.size }}
            tabIndex={focused ? 0 : -1}
            data-pos={`${rowIndex}:${col}`}
            data-cell={mentions ? `${claim.id} ${column.id}` : undefined}
            aria-label={cellLabel(model.index, mentions)}
            aria-describedby={focused ? describedBy : undefined}
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
      })}
    </div>
  );
});

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "1 Mar–30 Apr": a header has no room for years, which the title gives in full. */
function shortRange(first: string, last: string): string {
  const day = (iso: string) => dayMonth.format(new Date(`${iso}T00:00:00Z`));
  return first === last ? day(first) : `${day(first)}–${day(last)}`;
}

/** The quotes of a cell, for its description and preview. */
export function evidenceText(mentions: readonly Mention[]): string {
  return mentions.map((mention) => mention.spans.map((span) => `“${span.exact}”`).join(' … ')).join(' / ');
}

function previewFrom(element: HTMLElement | null, by: 'pointer' | 'focus') {
  const [claimId, columnId] = (element?.dataset.cell ?? '').split(' ');
  const store = usePreviewStore.getState();
  if (!element || !claimId || !columnId) {
    store.hide(by);
    return;
  }
  const current = by === 'pointer' ? store.pointer : store.focus;
  if (current?.claimId === claimId && current.columnId === columnId) return;
  const rect = element.getBoundingClientRect();
  store.show({ claimId, columnId, left: rect.left, top: rect.top, bottom: rect.bottom, by });
}
