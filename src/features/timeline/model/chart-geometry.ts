import { weekdayIndex } from '@/domain/calendar-days';
import type { DayWindow } from './timeline-window';

/** The left margin holds the lane names; the overview's brush uses the same margins to line up. */
export const CHART_MARGIN = { top: 6, right: 24, bottom: 0, left: 150 };
export const ROW_HEIGHT = 22;
export const PUBLICATION_ROWS = 3;
export const X_AXIS_HEIGHT = 28;
const MIN_TICK_SPACING_PX = 64;
const TICK_STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 364];

export function plotWidthOf(chartWidth: number): number {
  return Math.max(120, chartWidth - CHART_MARGIN.left - CHART_MARGIN.right);
}

export function chartHeightFor(eventRows: number): number {
  return CHART_MARGIN.top + (eventRows + PUBLICATION_ROWS) * ROW_HEIGHT + X_AXIS_HEIGHT + CHART_MARGIN.bottom;
}

/**
 * Axis ticks at the middle of labelled days, spaced for legibility; a step of a week or more
 * falls on Mondays so the ticks read as weeks.
 */
export function dayTicks(window: DayWindow, plotWidth: number): number[] {
  const days = window.end + 1 - window.start;
  const pxPerDay = plotWidth / days;
  const step = TICK_STEPS.find((s) => s * pxPerDay >= MIN_TICK_SPACING_PX) ?? TICK_STEPS.at(-1) ?? 1;
  let first = window.start;
  if (step >= 7) first += (8 - weekdayIndex(first)) % 7;
  const ticks: number[] = [];
  for (let day = first; day <= window.end; day += step) ticks.push(day + 0.5);
  return ticks;
}
