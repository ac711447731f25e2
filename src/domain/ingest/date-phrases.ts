import { dayNumber, isIsoDay, WEEKDAYS } from '../calendar-days';
import { resolveRelativeDate, type ResolvedRelativeDate } from '../relative-dates';
import type { CharRange } from '../schemas';

export type DatePhrase = { range: CharRange; phrase: string; date: ResolvedRelativeDate };

const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const NUMBER = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple of)';
const PART = '(?: (?:morning|afternoon|evening|night))?';

/**
 * Candidate phrases, longest readings first so "earlier this week" wins over "this week".
 * Each candidate is only kept if the shared resolver can read it.
 */
const CANDIDATE = new RegExp(
  [
    `(?:earlier|later) this (?:week|month)`,
    `this (?:week|month|weekend|past weekend|coming ${WEEKDAY})`,
    `(?:last|next) (?:week|weekend|month|${WEEKDAY})`,
    `(?:over|at|during|on) the weekend`,
    `(?:in|over|during) the (?:past|last) (?:few |several |couple of )?(?:days|weeks|months)`,
    `in recent (?:days|weeks|months)`,
    `${NUMBER} (?:days?|weeks?|months?) ago`,
    `(?:just |only |a few |several |some )?days (?:ago|after|before|earlier)`,
    `(?:(?:earlier|later|early|late) )?(?:on )?${WEEKDAY}${PART}`,
    `(?:(?:earlier|later) )?(?:today|tonight|this (?:morning|afternoon|evening))`,
    `yesterday${PART}|last night|tomorrow${PART}`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|'),
  'gi',
);

const MONTHS = [
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
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
/** "April 1", "1 April", "April 13-14", "18 April 2024", "May 7, 2024". */
const ABSOLUTE = new RegExp(
  String.raw`\b(?:${MONTH}\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?)\b`,
  'g',
);

const monthIndex = (name: string) =>
  MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3)));
const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Written-out days ("April 1", "18 April 2024", "April 13-14"). Without a year, the day is
 * the one nearest the reference day: the publication date, or a claim's story period.
 */
export function findAbsoluteDates(text: string, reference: string): DatePhrase[] {
  const found: DatePhrase[] = [];
  const referenceDay = dayNumber(reference);
  const referenceYear = Number(reference.slice(0, 4));
  for (const m of text.matchAll(ABSOLUTE)) {
    const monthName = m[1] ?? m[7];
    const first = Number(m[2] ?? m[5]);
    const last = m[3] ?? m[6];
    const year = m[4] ?? m[8];
    const month = monthName ? monthIndex(monthName) : -1;
    if (month < 0) continue;
    // Nearest reading: a day of December read in January belongs to the year before.
    const years = year ? [Number(year)] : [referenceYear - 1, referenceYear, referenceYear + 1];
    const readings = years
      .map((y) => iso(y, month, first))
      .filter(isIsoDay)
      .sort((a, b) => Math.abs(dayNumber(a) - referenceDay) - Math.abs(dayNumber(b) - referenceDay));
    const start = readings[0];
    if (!start) continue;
    const endDay = last ? iso(Number(start.slice(0, 4)), month, Number(last)) : start;
    const end = isIsoDay(endDay) && dayNumber(endDay) >= dayNumber(start) ? endDay : start;
    found.push({
      range: [m.index, m.index + m[0].length],
      phrase: m[0],
      date: {
        precision: start === end ? 'day' : 'range',
        start,
        end,
        reading: year ? 'the day as written' : 'the day as written, in the year nearest the publication date',
        ambiguous: false,
      },
    });
  }
  return found;
}

/** "Iran's weekend attack", "the weekend strikes": the weekend before publication. */
const WEEKEND_ATTRIBUTIVE = /(?<=['’]s |\bthe |\blast )weekend(?= [a-z])/g;

/**
 * Date phrases in a text: days written out, and relative phrases resolved against the
 * publication date, in text order.
 */
export function findDatePhrases(text: string, published: string): DatePhrase[] {
  const found = [...findAbsoluteDates(text, published), ...findRelativeDatePhrases(text, published)];
  for (const m of text.matchAll(WEEKEND_ATTRIBUTIVE)) {
    if (found.some((d) => d.range[0] <= m.index && m.index < d.range[1])) continue;
    const resolved = resolveRelativeDate('over the weekend', published);
    if (resolved.ok) found.push({ range: [m.index, m.index + m[0].length], phrase: m[0], date: resolved.date });
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** Relative date phrases in a text, each resolved against the publication date. */
export function findRelativeDatePhrases(text: string, published: string): DatePhrase[] {
  const found: DatePhrase[] = [];
  for (const match of text.matchAll(new RegExp(`\\b(?:${CANDIDATE.source})\\b`, 'gi'))) {
    const after = text.slice(match.index + match[0].length);
    // "The Sunday Times", "Monday Club": a weekday that begins a name is not a date.
    if (new RegExp(`^${WEEKDAY}$`, 'i').test(match[0]) && /^\s+[A-Z]/.test(after)) continue;
    const resolved = resolveRelativeDate(forwardIfFuture(text, match.index, match[0]), published);
    if (resolved.ok)
      found.push({ range: [match.index, match.index + match[0].length], phrase: match[0], date: resolved.date });
  }
  return found;
}

const FUTURE_CUE = /\b(?:due to|set to|scheduled to|expected to|will|is to|are to|plans? to)\b[^.;]*$/i;
const BARE_WEEKDAY = new RegExp(`^(?:on )?(${WEEKDAY})$`, 'i');

/**
 * "Officials are due to meet on Thursday": a bare weekday after a future cue in the same
 * sentence means the coming one, not the last.
 */
function forwardIfFuture(text: string, at: number, phrase: string): string {
  const weekday = BARE_WEEKDAY.exec(phrase)?.[1];
  if (!weekday) return phrase;
  const sentenceStart = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at)) + 1;
  const before = text.slice(sentenceStart, at);
  // "…, CNN reported on Tuesday": a past verb right before the day dates that verb.
  if (/\b(?:\w+ed|said|told|met|held|spoke|wrote|began)\s+(?:on\s+)?$/i.test(before)) return phrase;
  return FUTURE_CUE.test(before) ? `this coming ${weekday}` : phrase;
}
