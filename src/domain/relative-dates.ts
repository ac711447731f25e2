import { addMonths, dayNumber, isoDayOf, monthEnd, monthStart, WEEKDAYS, weekdayIndex } from './calendar-days';
import { foldText } from './text-folding';

/**
 * Relative dates in news copy ("on Thursday", "last weekend", "in recent weeks") resolved
 * against the publication date of the article that uses them.
 *
 * Conventions, chosen so that the same phrase always gives the same answer:
 * - A weekday on its own ("on Monday", "Thursday") is the latest such day on or before
 *   publication: news copy uses bare weekdays for the past week, and for the day itself.
 * - Weeks run Monday to Sunday (ISO) unless `weekStartsOn: 'sunday'` is given.
 * - A weekend is Saturday and Sunday.
 * - Phrases that only bound a date ("in recent weeks", "days after", "two weeks ago") become
 *   ranges, never an invented day: "in recent weeks" is the 4 weeks before publication,
 *   "days after/ago" the 7 days before it, "N weeks ago" 7·N days before it ± 3 days.
 * - A phrase with two natural readings spans both, flagged `ambiguous`: "last weekend" on a
 *   Monday may be the weekend that just ended or the one before it.
 * - Phrases that hang on another event ("the morning after the attack") cannot be resolved
 *   against a publication date and are refused with a reason.
 */

export type WeekStart = 'monday' | 'sunday';
export type RelativeDateOptions = { weekStartsOn?: WeekStart };

export type ResolvedRelativeDate = {
  precision: 'day' | 'range';
  start: string;
  end: string;
  /** How the phrase was read, in plain English, for the reader of the timeline. */
  reading: string;
  /** The phrase has more than one natural reading; the range spans them all. */
  ambiguous: boolean;
};

export type RelativeDateResult = { ok: true; date: ResolvedRelativeDate } | { ok: false; reason: string };

type Span = { start: number; end: number; reading: string; ambiguous?: boolean };
type Context = { published: number; weekday: number; weekStart: number };
type Rule = { pattern: RegExp; resolve(match: RegExpExecArray, context: Context): Span | string };

const WEEKDAY = `(${WEEKDAYS.join('|')})`;
const PART_OF_DAY = '(?: (?:morning|afternoon|evening|night))?';
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;

const day = (at: number, reading: string): Span => ({ start: at, end: at, reading });
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const weekdayNumber = (name: string) => WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);

function parseNumber(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

function weekStartOf({ published, weekday, weekStart }: Context): number {
  return published - ((weekday - weekStart + 7) % 7);
}

/** Saturday of the latest weekend that ended before publication, not counting a weekend it falls on. */
function previousWeekendSaturday({ published, weekday }: Context): number {
  if (weekday === 6) return published - 7;
  if (weekday === 0) return published - 8;
  return published - (weekday + 1);
}

const weekendOf = (saturday: number, reading: string, ambiguous = false): Span => ({
  start: saturday,
  end: saturday + 1,
  reading,
  ambiguous,
});

const RULES: Rule[] = [
  {
    pattern: /^(?:(?:earlier|later) )?(?:today|this (?:morning|afternoon|evening)|tonight)$/,
    resolve: (_, { published }) => day(published, 'the day of publication'),
  },
  {
    pattern: /^(?:yesterday(?: (?:morning|afternoon|evening))?|last night)$/,
    resolve: (_, { published }) => day(published - 1, 'the day before publication'),
  },
  {
    pattern: /^tomorrow(?: (?:morning|afternoon|evening))?$/,
    resolve: (_, { published }) => day(published + 1, 'the day after publication'),
  },
  {
    pattern: new RegExp(`^(?:(?:earlier|later|early|late) )?(?:on )?${WEEKDAY}${PART_OF_DAY}$`),
    resolve: ([, name = ''], { published, weekday }) => {
      const back = (weekday - weekdayNumber(name) + 7) % 7;
      return back === 0
        ? day(published, `the day of publication, a ${capitalized(name)}`)
        : day(published - back, `the ${capitalized(name)} before publication`);
    },
  },
  {
    pattern: new RegExp(`^last ${WEEKDAY}$`),
    resolve: ([, name = ''], { published, weekday }) =>
      day(
        published - ((weekday - weekdayNumber(name) + 7) % 7 || 7),
        `the ${capitalized(name)} before publication, not counting the day itself`,
      ),
  },
  {
    pattern: new RegExp(`^(?:next|this coming) ${WEEKDAY}$`),
    resolve: ([, name = ''], { published, weekday }) =>
      day(published + ((weekdayNumber(name) - weekday + 7) % 7 || 7), `the ${capitalized(name)} after publication`),
  },
  {
    pattern: /^(earlier |later )?this week$/,
    resolve: ([, part], context) => {
      const start = weekStartOf(context);
      const { published } = context;
      if (part === 'earlier ') {
        return published === start
          ? day(published, 'the day of publication: the week had only begun')
          : { start, end: published - 1, reading: 'the days of the publication week before publication' };
      }
      if (part === 'later ') {
        return published === start + 6
          ? day(published, 'the day of publication: the week was ending')
          : { start: published + 1, end: start + 6, reading: 'the days of the publication week after publication' };
      }
      return { start, end: start + 6, reading: 'the week of publication' };
    },
  },
  {
    pattern: /^(last|next) week$/,
    resolve: ([, which], context) => {
      const start = weekStartOf(context) + (which === 'last' ? -7 : 7);
      return {
        start,
        end: start + 6,
        reading: `the week ${which === 'last' ? 'before' : 'after'} the publication week`,
      };
    },
  },
  {
    pattern: /^last weekend$/,
    resolve: (_, context) => {
      const saturday = previousWeekendSaturday(context);
      // On a Monday the weekend that just ended and the one before both read as "last weekend".
      if (context.weekday === 1) {
        return {
          start: saturday - 7,
          end: saturday + 1,
          reading: 'the weekend just before publication or the one before it (published on a Monday)',
          ambiguous: true,
        };
      }
      return weekendOf(saturday, 'the weekend before publication');
    },
  },
  {
    pattern: /^this past weekend$/,
    resolve: (_, context) => weekendOf(previousWeekendSaturday(context), 'the weekend before publication'),
  },
  {
    pattern: /^(?:over|at|during|on) the weekend$/,
    resolve: (_, context) => {
      const { published, weekday } = context;
      if (weekday === 0) return weekendOf(published - 1, 'the weekend of publication');
      if (weekday === 6) {
        return {
          start: published - 7,
          end: published,
          reading: 'the weekend of publication or the one before it (published on a Saturday)',
          ambiguous: true,
        };
      }
      return weekendOf(previousWeekendSaturday(context), 'the weekend before publication');
    },
  },
  {
    pattern: /^this weekend$/,
    resolve: (_, { published, weekday }) => {
      if (weekday === 6) return weekendOf(published, 'the weekend of publication');
      if (weekday === 0) return weekendOf(published - 1, 'the weekend of publication');
      return weekendOf(published + (6 - weekday), 'the weekend after publication');
    },
  },
  {
    pattern: /^(earlier |later )?this month$/,
    resolve: ([, part], { published }) => {
      const start = monthStart(published);
      const end = monthEnd(published);
      if (part === 'earlier ') {
        return published === start
          ? day(published, 'the day of publication: the month had only begun')
          : { start, end: published - 1, reading: 'the days of the publication month before publication' };
      }
      if (part === 'later ') {
        return published === end
          ? day(published, 'the day of publication: the month was ending')
          : { start: published + 1, end, reading: 'the days of the publication month after publication' };
      }
      return { start, end, reading: 'the month of publication' };
    },
  },
  {
    pattern: /^(last|next) month$/,
    resolve: ([, which], { published }) => {
      const anchor = addMonths(monthStart(published), which === 'last' ? -1 : 1);
      return {
        start: anchor,
        end: monthEnd(anchor),
        reading: `the month ${which === 'last' ? 'before' : 'after'} the publication month`,
      };
    },
  },
  {
    pattern: new RegExp(`^${NUMBER} (day|week|month)s? ago$`),
    resolve: ([, count = '', unit], { published }) => {
      const n = parseNumber(count);
      if (!Number.isInteger(n) || n < 1) return `"${count}" is not a number of ${unit}s`;
      if (unit === 'day') return day(published - n, `${n} day${n === 1 ? '' : 's'} before publication`);
      if (unit === 'week') {
        const center = published - 7 * n;
        return {
          start: center - 3,
          end: Math.min(center + 3, published - 1),
          reading: `about ${n} week${n === 1 ? '' : 's'} before publication (± 3 days)`,
        };
      }
      const center = addMonths(published, -n);
      return {
        start: center - 15,
        end: Math.min(center + 15, published - 1),
        reading: `about ${n} month${n === 1 ? '' : 's'} before publication (± 15 days)`,
      };
    },
  },
  {
    pattern:
      /^(?:(?:just |only |mere |a few |several |some )?days (?:ago|after|before|earlier)|in recent days|(?:in|over|during) the (?:past|last) (?:few |several )?days)$/,
    resolve: (_, { published }) => ({
      start: published - 7,
      end: published - 1,
      reading: 'some days before publication (within the week before it)',
    }),
  },
  {
    pattern:
      /^(?:in recent weeks|recent weeks|(?:in|over|during) the (?:past|last) (?:few |several |couple of )?weeks)$/,
    resolve: (_, { published }) => ({
      start: published - 28,
      end: published - 1,
      reading: 'within the 4 weeks before publication',
    }),
  },
  {
    pattern: /^(?:a few|several|a couple of) weeks ago$/,
    resolve: (_, { published }) => ({
      start: published - 35,
      end: published - 10,
      reading: 'some weeks before publication (10 to 35 days before it)',
    }),
  },
  {
    pattern: /^(?:in recent months|(?:in|over|during) the (?:past|last) (?:few |several |couple of )?months)$/,
    resolve: (_, { published }) => ({
      start: addMonths(published, -3),
      end: published - 1,
      reading: 'within the 3 months before publication',
    }),
  },
];

/** Text as date phrases are looked up in it: folded, with straight apostrophes and single spaces. */
export function foldPhraseText(text: string): string {
  return foldText(text).replace(/[‘’`]/g, "'").replace(/\s+/g, ' ');
}

/** A phrase folded as foldPhraseText does, without surrounding punctuation or a trailing possessive. */
export function normalizePhrase(phrase: string): string {
  return foldPhraseText(phrase)
    .trim()
    .replace(/^[\s"'(,.;:]+|[\s"'),.;:!?]+$/g, '')
    .replace(/'s$/, '');
}

/**
 * Resolves `phrase` against `published` (YYYY-MM-DD). Never throws: an unknown phrase or an
 * invalid date comes back as `{ ok: false, reason }`.
 */
export function resolveRelativeDate(
  phrase: string,
  published: string,
  options: RelativeDateOptions = {},
): RelativeDateResult {
  let publishedDay: number;
  try {
    publishedDay = dayNumber(published);
  } catch (error) {
    return { ok: false, reason: `publication date: ${(error as Error).message}` };
  }
  const text = normalizePhrase(phrase);
  if (text === '') return { ok: false, reason: 'the phrase is empty' };
  const context: Context = {
    published: publishedDay,
    weekday: weekdayIndex(publishedDay),
    weekStart: options.weekStartsOn === 'sunday' ? 0 : 1,
  };
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const span = rule.resolve(match, context);
    if (typeof span === 'string') return { ok: false, reason: span };
    return {
      ok: true,
      date: {
        precision: span.start === span.end ? 'day' : 'range',
        start: isoDayOf(span.start),
        end: isoDayOf(span.end),
        reading: span.reading,
        ambiguous: span.ambiguous ?? false,
      },
    };
  }
  if (/\b(after|before|since|following)\b/.test(text)) {
    return {
      ok: false,
      reason: `"${phrase}" dates the event from another event, not from the publication date; record the date with its basis instead`,
    };
  }
  return { ok: false, reason: `no rule reads "${phrase}" as a date relative to publication` };
}
