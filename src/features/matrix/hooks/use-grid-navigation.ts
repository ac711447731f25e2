import {
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  type RefObject,
} from 'react';
import { FIXED_COUNT, GRID, rowStarts, sourceLeft, type FixedLayout } from '../model/grid-layout';
import { moveInGrid, type GridPosition } from '../model/grid-keys';
import { posKey, positionOf } from '../model/grid-position';
import type { MatrixColumn } from '../model/matrix-model';
import type { OpenCell } from '../model/open-cell';
import type { MatrixRow } from '../model/select-matrix';

export type MatrixGridHandle = { focusActiveCell(): void };

type GridNavigationOptions = {
  scrollRef: RefObject<HTMLDivElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
  rows: readonly MatrixRow[];
  columns: readonly MatrixColumn[];
  layout: FixedLayout;
  onOpen: (cell: OpenCell, by: 'keyboard' | 'pointer') => void;
  /** Called before the focus moves or a cell opens (the floating preview goes). */
  onLeaveCell: () => void;
  handleRef?: Ref<MatrixGridHandle>;
};

/**
 * The grid's roving tab stop (WAI-ARIA grid pattern): one focusable cell, moved by the arrow keys,
 * Home/End, Ctrl+Home/End and PageUp/PageDown, scrolled into view beside the fixed header row and
 * claim columns; Enter, Space or a click opens a cell.
 */
export function useGridNavigation({
  scrollRef,
  gridRef,
  rows,
  columns,
  layout,
  onOpen,
  onLeaveCell,
  handleRef,
}: GridNavigationOptions) {
  const rowCount = rows.length + 1;
  const colCount = FIXED_COUNT + columns.length;
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  // Filters can shrink the grid under the focus: it then stays on the nearest cell.
  const posRow = Math.min(active.row, rowCount - 1);
  const posCol = Math.min(active.col, colCount - 1);
  const pos = useMemo<GridPosition>(() => ({ row: posRow, col: posCol }), [posRow, posCol]);
  const focusPending = useRef(false);
  const starts = useMemo(() => rowStarts(rows), [rows]);

  const focusTarget = useCallback(
    (at: GridPosition) => {
      const grid = gridRef.current;
      return (
        grid?.querySelector<HTMLElement>(`[data-pos="${posKey(at)}"]`) ??
        grid?.querySelector<HTMLElement>(`[data-pos="${at.row}:*"]`) ??
        null
      );
    },
    [gridRef],
  );

  // A move re-renders the grid (the new cell may only now be drawn); the focus follows after.
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
      const left = sourceLeft(layout, at.col - FIXED_COUNT);
      const right = left + GRID.sourceWidth;
      if (left - layout.width < scroller.scrollLeft) scroller.scrollLeft = left - layout.width;
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
      onLeaveCell();
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
        onLeaveCell();
        onOpen(target, 'keyboard');
      } else if (event.key === ' ') {
        event.preventDefault();
      }
    }
  };

  /** Focus that arrives by Tab or a click moves the tab stop to where it landed. */
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const at = positionOf((event.target as HTMLElement).closest<HTMLElement>('[data-pos]'));
    if (!at) return;
    const focused = { row: at.row, col: at.col ?? pos.col };
    if (focused.row !== active.row || focused.col !== active.col) setActive(focused);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const at = positionOf((event.target as HTMLElement).closest<HTMLElement>('[data-pos]'));
    if (!at || at.col === null) return;
    const target = openable({ row: at.row, col: at.col });
    if (!target) return;
    onLeaveCell();
    onOpen(target, 'pointer');
  };

  return { pos, rowCount, colCount, totalHeight: starts[rows.length] as number, onKeyDown, onFocus, onClick };
}
