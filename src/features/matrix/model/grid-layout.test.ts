import { describe, expect, it } from 'vitest';
import { CLAIM_WIDTH, GRID, WIDE_LAYOUT, wideLayout } from './grid-layout';

describe('the wide layout of the matrix', () => {
  it('gives the claim column the room the sources leave, so the grid fills the screen', () => {
    const layout = wideLayout(1406, 5);
    expect(layout.width + 5 * GRID.sourceWidth).toBe(1406);
    expect(layout.columns[0]?.width).toBe(646);
    expect(layout.left).toEqual([0, 646, 794]);
  });

  it('keeps the claim column between its bounds', () => {
    expect(wideLayout(4000, 2).columns[0]?.width).toBe(CLAIM_WIDTH.max);
    expect(wideLayout(700, 30).columns[0]?.width).toBe(CLAIM_WIDTH.min);
    // The detail panel open at 1440 px leaves 936 px: the fixed columns close up so all five sources fit.
    const snug = wideLayout(936, 5);
    expect(snug.width + 5 * GRID.sourceWidth).toBeLessThanOrEqual(936);
    expect(snug.columns[0]?.width).toBeGreaterThanOrEqual(180);
  });

  it('is the usual layout when the room is exactly that', () => {
    expect(wideLayout(WIDE_LAYOUT.width + 3 * GRID.sourceWidth, 3)).toBe(WIDE_LAYOUT);
  });
});
