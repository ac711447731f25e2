import type { MatrixRow } from './select-matrix';

/** Sizes in CSS pixels; fixed, so that windowing needs no measuring. */
export const GRID = {
  headerHeight: 72,
  claimRowHeight: 56,
  topicRowHeight: 34,
  sourceWidth: 100,
} as const;

/** The columns left of the sources, which stay in place when the grid scrolls sideways. */
export const FIXED_COLUMNS = [
  { id: 'claim', title: 'Claim', width: 340 },
  { id: 'origins', title: 'Independent origins', width: 148 },
  { id: 'verdict', title: 'Verdict', width: 112 },
] as const;

export const FIXED_COUNT = FIXED_COLUMNS.length;
export const FIXED_WIDTH = FIXED_COLUMNS.reduce((sum, column) => sum + column.width, 0);
export const FIXED_LEFT = FIXED_COLUMNS.map((_, i) => FIXED_COLUMNS.slice(0, i).reduce((sum, c) => sum + c.width, 0));

export const rowHeight = (row: MatrixRow | undefined) =>
  row?.kind === 'topic' ? GRID.topicRowHeight : GRID.claimRowHeight;

export const rowKey = (row: MatrixRow | undefined, index: number) =>
  row === undefined ? index : row.kind === 'topic' ? `topic:${row.topic}` : row.stats.claim.id;

/** Where each row starts (after the header) and where the last ends: starts[i], starts[i + 1]. */
export function rowStarts(rows: readonly MatrixRow[]): Float64Array {
  const starts = new Float64Array(rows.length + 1);
  starts[0] = GRID.headerHeight;
  rows.forEach((row, i) => {
    starts[i + 1] = (starts[i] as number) + rowHeight(row);
  });
  return starts;
}

export const sourceLeft = (index: number) => FIXED_WIDTH + index * GRID.sourceWidth;
