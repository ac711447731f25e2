import type { MatrixRow } from './select-matrix';

/** Sizes in CSS pixels; fixed, so that windowing needs no measuring. */
export const GRID = {
  headerHeight: 72,
  claimRowHeight: 56,
  topicRowHeight: 34,
  sourceWidth: 100,
} as const;

/** The columns left of the sources, which stay in place when the grid scrolls sideways. */
export type FixedColumn = { id: 'claim' | 'origins' | 'verdict'; title: string; width: number };

/** Where the fixed columns stand and how much room they take before the first source. */
export type FixedLayout = {
  compact: boolean;
  columns: readonly FixedColumn[];
  left: readonly number[];
  width: number;
};

function fixedLayout(compact: boolean, widths: [number, number, number]): FixedLayout {
  const columns: FixedColumn[] = [
    { id: 'claim', title: 'Claim', width: widths[0] },
    { id: 'origins', title: compact ? 'Origins' : 'Independent origins', width: widths[1] },
    { id: 'verdict', title: 'Verdict', width: widths[2] },
  ];
  const left = columns.map((_, i) => columns.slice(0, i).reduce((sum, c) => sum + c.width, 0));
  return { compact, columns, left, width: columns.reduce((sum, c) => sum + c.width, 0) };
}

/** A wide screen: the claim readable on two lines. */
const WIDE_WIDTHS = { claim: 340, origins: 148, verdict: 112 } as const;
export const WIDE_LAYOUT = fixedLayout(false, [WIDE_WIDTHS.claim, WIDE_WIDTHS.origins, WIDE_WIDTHS.verdict]);

/** The fixed columns closed up, and the narrowest claim column they allow (two lines of some 25 characters). */
const SNUG_WIDTHS = { claim: 180, origins: 128, verdict: 100 } as const;

/** The claim column on a wide screen: never under 240 px (180 px closed up), never over 760 px. */
export const CLAIM_WIDTH = { min: 240, max: 760 } as const;

/**
 * The wide layout for a grid `available` pixels wide with `sourceCount` source columns: the claim
 * column takes the room the sources leave (so the grid fills the screen and claims read whole),
 * and gives some up when the detail panel narrows the grid, so fewer sources slide out of view.
 */
export function wideLayout(available: number, sourceCount: number): FixedLayout {
  const room = Math.floor(available - WIDE_WIDTHS.origins - WIDE_WIDTHS.verdict - sourceCount * GRID.sourceWidth);
  // Short of room (the detail panel open at 1440 px), the fixed columns close up rather than push
  // the last sources out of view, as long as that makes every source fit.
  const snugRoom = Math.floor(available - SNUG_WIDTHS.origins - SNUG_WIDTHS.verdict - sourceCount * GRID.sourceWidth);
  if (room < CLAIM_WIDTH.min && snugRoom >= SNUG_WIDTHS.claim) {
    return fixedLayout(false, [Math.min(CLAIM_WIDTH.min, snugRoom), SNUG_WIDTHS.origins, SNUG_WIDTHS.verdict]);
  }
  const claim = Math.max(CLAIM_WIDTH.min, Math.min(CLAIM_WIDTH.max, room));
  if (claim === WIDE_WIDTHS.claim) return WIDE_LAYOUT;
  return fixedLayout(false, [claim, WIDE_WIDTHS.origins, WIDE_WIDTHS.verdict]);
}
/**
 * A phone or a zoomed page (WCAG 1.4.10, reflow): the fixed columns take under 270 px, so that
 * stance cells stay in view and tappable beside them on a 390 px screen.
 */
export const COMPACT_LAYOUT = fixedLayout(true, [132, 64, 72]);
/** The widest screen, in CSS pixels, that gets the compact layout: 768 px, a tablet held upright. */
export const COMPACT_QUERY = '(max-width: 48rem)';

export const FIXED_COUNT = WIDE_LAYOUT.columns.length;

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

export const sourceLeft = (layout: FixedLayout, index: number) => layout.width + index * GRID.sourceWidth;
