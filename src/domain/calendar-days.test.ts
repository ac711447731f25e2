import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, isIsoDay, isoDayOf, monthEnd, monthStart, weekdayOf } from './calendar-days';

describe('calendar days', () => {
  it('numbers days from 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(isoDayOf(dayNumber('2024-04-18'))).toBe('2024-04-18');
    fc.assert(fc.property(fc.integer({ min: -50_000, max: 50_000 }), (day) => dayNumber(isoDayOf(day)) === day));
  });

  it('refuses what is not a calendar day', () => {
    expect(() => dayNumber('2024-02-30')).toThrow(/no such day/);
    expect(() => dayNumber('2024-4-18')).toThrow(/not an ISO day/);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
  });

  it('knows weekdays, before 1970 too', () => {
    expect(weekdayOf(dayNumber('2024-04-18'))).toBe('thursday');
    expect(weekdayOf(dayNumber('2024-05-19'))).toBe('sunday');
    expect(weekdayOf(dayNumber('1969-12-28'))).toBe('sunday');
  });

  it('finds month bounds and moves by months, clamping to the month length', () => {
    expect(isoDayOf(monthStart(dayNumber('2024-02-17')))).toBe('2024-02-01');
    expect(isoDayOf(monthEnd(dayNumber('2024-02-17')))).toBe('2024-02-29');
    expect(isoDayOf(addMonths(dayNumber('2024-03-31'), -1))).toBe('2024-02-29');
    expect(isoDayOf(addMonths(dayNumber('2024-12-15'), 1))).toBe('2025-01-15');
  });
});
