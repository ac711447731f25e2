import { useCallback, type RefObject } from 'react';
import { useWindowedAxis } from '@/components/virtual-list/use-windowed-axis';
import { FIXED_COUNT, GRID, rowHeight, rowKey, type FixedLayout } from '../model/grid-layout';
import type { GridPosition } from '../model/grid-keys';
import type { MatrixColumn } from '../model/matrix-model';
import type { MatrixRow } from '../model/select-matrix';

const sourceWidth = () => GRID.sourceWidth;

/**
 * The rows and source columns to draw: all of them in a small grid, the ones in view (and the
 * focused cell's) in a large one. Sizes are fixed, so nothing is measured; the header row and the
 * claim columns are room before the first row and column.
 */
export function useGridWindows(
  scrollRef: RefObject<HTMLElement | null>,
  layout: FixedLayout,
  rows: readonly MatrixRow[],
  columns: readonly MatrixColumn[],
  focus: GridPosition,
) {
  const rowSize = useCallback((i: number) => rowHeight(rows[i]), [rows]);
  const rowItemKey = useCallback((i: number) => rowKey(rows[i], i), [rows]);
  const columnItemKey = useCallback((i: number) => columns[i]?.id ?? i, [columns]);
  const rowAxis = useWindowedAxis({
    count: rows.length,
    scrollRef,
    size: rowSize,
    itemKey: rowItemKey,
    paddingStart: GRID.headerHeight,
    overscan: 4,
    keep: focus.row - 1,
  });
  const columnAxis = useWindowedAxis({
    horizontal: true,
    count: columns.length,
    scrollRef,
    size: sourceWidth,
    itemKey: columnItemKey,
    paddingStart: layout.width,
    overscan: 2,
    keep: focus.col - FIXED_COUNT,
  });
  return { rowSlots: rowAxis.slots, columnSlots: columnAxis.slots };
}
