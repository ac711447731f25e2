import type { GridPosition } from './grid-keys';

/**
 * Each focusable cell of the grid carries `data-pos="row:col"`; a topic row, one cell across the
 * grid, carries `row:*` and keeps the column the focus came from.
 */
export const posKey = (pos: GridPosition): string => `${pos.row}:${pos.col}`;

/** The position an element of the grid stands for; `col` is null for a topic row's `*`. */
export function positionOf(element: HTMLElement | null): { row: number; col: number | null } | null {
  const [row, col] = (element?.dataset.pos ?? '').split(':');
  if (row === undefined || col === undefined) return null;
  return { row: Number(row), col: col === '*' ? null : Number(col) };
}
