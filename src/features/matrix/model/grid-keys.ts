/** A cell of the grid: row 0 is the column header row. */
export type GridPosition = { row: number; col: number };

export type GridSize = { rows: number; cols: number; /** Rows that fit on a screen. */ pageRows: number };

/**
 * Where a key moves the focus in a data grid (WAI-ARIA grid pattern): arrows by one cell,
 * Home/End to the ends of the row, Ctrl+Home/End to the corners, PageUp/PageDown by a screen.
 * Null for keys that do not move it.
 */
export function moveInGrid(
  key: string,
  modifiers: { ctrl: boolean },
  at: GridPosition,
  size: GridSize,
): GridPosition | null {
  const lastRow = Math.max(0, size.rows - 1);
  const lastCol = Math.max(0, size.cols - 1);
  const page = Math.max(1, size.pageRows);
  const clamp = (row: number, col: number): GridPosition => ({
    row: Math.min(lastRow, Math.max(0, row)),
    col: Math.min(lastCol, Math.max(0, col)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'Home':
      return modifiers.ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return modifiers.ctrl ? clamp(lastRow, lastCol) : clamp(at.row, lastCol);
    case 'PageUp':
      return clamp(at.row - page, at.col);
    case 'PageDown':
      return clamp(at.row + page, at.col);
    default:
      return null;
  }
}
