import { describe, expect, it } from 'vitest';
import { moveInGrid } from './grid-keys';

const size = { rows: 50, cols: 8, pageRows: 10 };
const move = (key: string, row: number, col: number, ctrl = false) => moveInGrid(key, { ctrl }, { row, col }, size);

describe('moving in the grid', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(move('ArrowDown', 3, 2)).toEqual({ row: 4, col: 2 });
    expect(move('ArrowUp', 3, 2)).toEqual({ row: 2, col: 2 });
    expect(move('ArrowRight', 3, 2)).toEqual({ row: 3, col: 3 });
    expect(move('ArrowLeft', 3, 2)).toEqual({ row: 3, col: 1 });
    expect(move('ArrowUp', 0, 0)).toEqual({ row: 0, col: 0 });
    expect(move('ArrowLeft', 0, 0)).toEqual({ row: 0, col: 0 });
    expect(move('ArrowDown', 49, 7)).toEqual({ row: 49, col: 7 });
    expect(move('ArrowRight', 49, 7)).toEqual({ row: 49, col: 7 });
  });

  it('goes to the ends of the row with Home/End and to the corners with Ctrl', () => {
    expect(move('Home', 12, 5)).toEqual({ row: 12, col: 0 });
    expect(move('End', 12, 5)).toEqual({ row: 12, col: 7 });
    expect(move('Home', 12, 5, true)).toEqual({ row: 0, col: 0 });
    expect(move('End', 12, 5, true)).toEqual({ row: 49, col: 7 });
  });

  it('pages by a screen of rows, clamped', () => {
    expect(move('PageDown', 12, 5)).toEqual({ row: 22, col: 5 });
    expect(move('PageUp', 12, 5)).toEqual({ row: 2, col: 5 });
    expect(move('PageUp', 3, 5)).toEqual({ row: 0, col: 5 });
    expect(move('PageDown', 45, 5)).toEqual({ row: 49, col: 5 });
  });

  it('ignores other keys and survives an empty grid', () => {
    expect(move('a', 1, 1)).toBeNull();
    expect(move('Enter', 1, 1)).toBeNull();
    expect(moveInGrid('ArrowDown', { ctrl: false }, { row: 0, col: 0 }, { rows: 0, cols: 0, pageRows: 0 })).toEqual({
      row: 0,
      col: 0,
    });
  });
});
