import { WEEKDAYS } from '../calendar-days';
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

/** Relative date phrases in a text, each resolved against the publication date. */
export function findDatePhrases(text: string, published: string): DatePhrase[] {
  const found: DatePhrase[] = [];
  for (const match of text.matchAll(new RegExp(`\\b(?:${CANDIDATE.source})\\b`, 'gi'))) {
    const after = text.slice(match.index + match[0].length);
    // "The Sunday Times", "Monday Club": a weekday that begins a name is not a date.
    if (new RegExp(`^${WEEKDAY}$`, 'i').test(match[0]) && /^\s+[A-Z]/.test(after)) continue;
    const resolved = resolveRelativeDate(match[0], published);
    if (resolved.ok)
      found.push({ range: [match.index, match.index + match[0].length], phrase: match[0], date: resolved.date });
  }
  return found;
}
