/**
 * Calendar days as whole numbers (days since 1970-01-01), so date arithmetic never meets
 * time zones or daylight saving: "18 April" is the same day for every reader.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The day number of an ISO day (YYYY-MM-DD); throws on anything else, including 2024-02-30. */
export function dayNumber(isoDay: string): number {
  const match = ISO_DAY.exec(isoDay);
  if (!match) throw new RangeError(`not an ISO day (YYYY-MM-DD): "${isoDay}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  if (isoDayOf(time / MS_PER_DAY) !== isoDay) throw new RangeError(`no such day: "${isoDay}"`);
  return time / MS_PER_DAY;
}

/** The ISO day (YYYY-MM-DD) of a day number. */
export function isoDayOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDay(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[weekdayIndex(day)] as Weekday;
}

/** The first day of the month that `day` falls in. */
export function monthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

/** The last day of the month that `day` falls in. */
export function monthEnd(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / MS_PER_DAY;
}

/** The same day of the month `months` months away, clamped to that month's length (31 Mar − 1 month = 29 Feb). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const target = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / MS_PER_DAY;
  return Math.min(target + date.getUTCDate() - 1, monthEnd(target));
}
