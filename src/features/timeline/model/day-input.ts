import { isIsoDay } from '@/domain/calendar-days';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A day typed in the app's own format ("18 Apr 2024", "18 April 2024") or as an ISO day
 * ("2024-04-18"), as an ISO day; null when it is not a whole, real day.
 */
export function parseDayInput(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return isIsoDay(trimmed) ? trimmed : null;
  const match = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(trimmed);
  if (!match) return null;
  const [, day = '', monthName = '', year = ''] = match;
  const name = monthName.toLowerCase();
  const month = MONTHS.findIndex((m) => name.startsWith(m) && (name.length === 3 || name === fullName(m)));
  if (month < 0) return null;
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}

const FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const fullName = (short: string) => FULL.find((name) => name.startsWith(short)) ?? short;
