import { describe, expect, it } from 'vitest';
import { dayNumber, weekdayOf } from '@/domain/calendar-days';
import { chartHeightFor, dayTicks, plotWidthOf } from './chart-geometry';

describe('chart geometry', () => {
  const april = { start: dayNumber('2024-04-01'), end: dayNumber('2024-04-30') };

  it('labels every day when there is room, and Mondays when days are narrow', () => {
    expect(dayTicks(april, 30 * 100)).toHaveLength(30);
    const weekly = dayTicks({ start: dayNumber('2024-03-19'), end: dayNumber('2024-05-21') }, 600);
    expect(weekly.length).toBeGreaterThan(3);
    for (const tick of weekly) expect(weekdayOf(Math.floor(tick))).toBe('monday');
    expect(weekly.every((tick) => tick % 1 === 0.5)).toBe(true);
  });

  it('keeps a usable plot on narrow screens and grows with the rows', () => {
    expect(plotWidthOf(100)).toBe(120);
    expect(chartHeightFor(5) - chartHeightFor(4)).toBeGreaterThan(0);
  });
});
