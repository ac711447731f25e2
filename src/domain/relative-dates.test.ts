import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDayOf } from './calendar-days';
import { normalizePhrase, resolveRelativeDate, type RelativeDateOptions } from './relative-dates';

function resolved(phrase: string, published: string, options?: RelativeDateOptions) {
  const result = resolveRelativeDate(phrase, published, options);
  if (!result.ok) throw new Error(`"${phrase}" on ${published} did not resolve: ${result.reason}`);
  return result.date;
}

const span = (phrase: string, published: string, options?: RelativeDateOptions) => {
  const { start, end, precision } = resolved(phrase, published, options);
  return { precision, start, end };
};
const dayOf = (iso: string) => ({ precision: 'day', start: iso, end: iso });
const rangeOf = (start: string, end: string) => ({ precision: 'range', start, end });

// The five seed articles: 000–003 are dated Thursday 18 April 2024, 004 Sunday 19 May 2024.
const THURSDAY_18_APRIL = '2024-04-18';
const SUNDAY_19_MAY = '2024-05-19';

describe('resolveRelativeDate on the phrases of the five seed articles', () => {
  it.each([
    // 000 Israel National News
    ['on Thursday', THURSDAY_18_APRIL, dayOf('2024-04-18')],
    ['Earlier this week', THURSDAY_18_APRIL, rangeOf('2024-04-15', '2024-04-17')],
    ['this week', THURSDAY_18_APRIL, rangeOf('2024-04-15', '2024-04-21')],
    ['over the weekend', THURSDAY_18_APRIL, rangeOf('2024-04-13', '2024-04-14')],
    ['on Monday', THURSDAY_18_APRIL, dayOf('2024-04-15')],
    ['today', THURSDAY_18_APRIL, dayOf('2024-04-18')],
    // 001 IBTimes
    ['last weekend', THURSDAY_18_APRIL, rangeOf('2024-04-13', '2024-04-14')],
    ["last weekend's", THURSDAY_18_APRIL, rangeOf('2024-04-13', '2024-04-14')],
    ['in recent weeks', THURSDAY_18_APRIL, rangeOf('2024-03-21', '2024-04-17')],
    ['Over the past few weeks', THURSDAY_18_APRIL, rangeOf('2024-03-21', '2024-04-17')],
    ['two weeks ago', THURSDAY_18_APRIL, rangeOf('2024-04-01', '2024-04-07')],
    // 002 The Jerusalem Post
    ['earlier on Thursday', THURSDAY_18_APRIL, dayOf('2024-04-18')],
    ['Thursday', THURSDAY_18_APRIL, dayOf('2024-04-18')],
    // 003 The New York Times: "just days after" the attack of the weekend before
    ['just days after', THURSDAY_18_APRIL, rangeOf('2024-04-11', '2024-04-17')],
    // 004 The Times of Israel, published on a Sunday
    ['today’s', SUNDAY_19_MAY, dayOf('2024-05-19')],
    ['earlier this month', SUNDAY_19_MAY, rangeOf('2024-05-01', '2024-05-18')],
    ['days after', SUNDAY_19_MAY, rangeOf('2024-05-12', '2024-05-18')],
  ])('"%s" published %s', (phrase, published, expected) => {
    expect(span(phrase, published)).toEqual(expected);
  });

  it('says how it read a phrase', () => {
    expect(resolved('on Monday', THURSDAY_18_APRIL).reading).toBe('the Monday before publication');
    expect(resolved('on Thursday', THURSDAY_18_APRIL).reading).toBe('the day of publication, a Thursday');
    expect(resolved('in recent weeks', THURSDAY_18_APRIL).reading).toMatch(/4 weeks before publication/);
  });

  it('refuses phrases that date from another event rather than from publication', () => {
    const result = resolveRelativeDate('the morning after Iran’s attack', THURSDAY_18_APRIL);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/another event/) });
  });
});

describe('weekends', () => {
  // 13–14 and 20–21 April 2024 are weekends; 22 April is a Monday.
  it('"last weekend" on a Monday spans both weekends it may mean, flagged ambiguous', () => {
    const date = resolved('last weekend', '2024-04-22');
    expect(date).toMatchObject({ precision: 'range', start: '2024-04-13', end: '2024-04-21', ambiguous: true });
    expect(date.reading).toMatch(/Monday/);
  });

  it('"last weekend" on other days is the weekend before, not the one under way', () => {
    expect(span('last weekend', '2024-04-23')).toEqual(rangeOf('2024-04-20', '2024-04-21'));
    expect(span('last weekend', '2024-04-19')).toEqual(rangeOf('2024-04-13', '2024-04-14'));
    expect(span('last weekend', '2024-04-20')).toEqual(rangeOf('2024-04-13', '2024-04-14'));
    expect(span('last weekend', '2024-04-21')).toEqual(rangeOf('2024-04-13', '2024-04-14'));
    expect(resolved('last weekend', '2024-04-23').ambiguous).toBe(false);
  });

  it('"over the weekend" is the weekend just ended, the current one on a Sunday, either on a Saturday', () => {
    expect(span('over the weekend', '2024-04-22')).toEqual(rangeOf('2024-04-20', '2024-04-21'));
    expect(span('over the weekend', '2024-04-21')).toEqual(rangeOf('2024-04-20', '2024-04-21'));
    expect(resolved('over the weekend', '2024-04-20')).toMatchObject({
      start: '2024-04-13',
      end: '2024-04-20',
      ambiguous: true,
    });
  });

  it('"this weekend" is the coming one on a weekday and the current one at the weekend', () => {
    expect(span('this weekend', '2024-04-17')).toEqual(rangeOf('2024-04-20', '2024-04-21'));
    expect(span('this weekend', '2024-04-20')).toEqual(rangeOf('2024-04-20', '2024-04-21'));
    expect(span('this weekend', '2024-04-21')).toEqual(rangeOf('2024-04-20', '2024-04-21'));
  });
});

describe('week boundaries', () => {
  it('weeks run Monday to Sunday by default', () => {
    expect(span('this week', '2024-04-15')).toEqual(rangeOf('2024-04-15', '2024-04-21'));
    expect(span('this week', '2024-04-21')).toEqual(rangeOf('2024-04-15', '2024-04-21'));
    expect(span('last week', '2024-04-15')).toEqual(rangeOf('2024-04-08', '2024-04-14'));
    expect(span('next week', THURSDAY_18_APRIL)).toEqual(rangeOf('2024-04-22', '2024-04-28'));
  });

  it('can run Sunday to Saturday', () => {
    const sunday = { weekStartsOn: 'sunday' } as const;
    expect(span('this week', '2024-04-21', sunday)).toEqual(rangeOf('2024-04-21', '2024-04-27'));
    expect(span('this week', '2024-04-20', sunday)).toEqual(rangeOf('2024-04-14', '2024-04-20'));
    expect(span('earlier this week', '2024-04-21', sunday)).toEqual(dayOf('2024-04-21'));
  });

  it('"earlier this week" on the first day of the week is that day; on the second, the first', () => {
    expect(span('earlier this week', '2024-04-15')).toEqual(dayOf('2024-04-15'));
    expect(span('earlier this week', '2024-04-16')).toEqual(dayOf('2024-04-15'));
    expect(span('earlier this week', '2024-04-21')).toEqual(rangeOf('2024-04-15', '2024-04-20'));
    expect(span('later this week', '2024-04-21')).toEqual(dayOf('2024-04-21'));
    expect(span('later this week', THURSDAY_18_APRIL)).toEqual(rangeOf('2024-04-19', '2024-04-21'));
  });

  it('crosses year and month ends', () => {
    expect(span('last week', '2025-01-01')).toEqual(rangeOf('2024-12-23', '2024-12-29'));
    expect(span('on Monday', '2025-01-01')).toEqual(dayOf('2024-12-30'));
    expect(span('last month', '2024-03-31')).toEqual(rangeOf('2024-02-01', '2024-02-29'));
    expect(span('earlier this month', '2024-05-01')).toEqual(dayOf('2024-05-01'));
    expect(span('earlier this month', '2024-05-02')).toEqual(dayOf('2024-05-01'));
    expect(span('a month ago', '2024-03-31')).toEqual(rangeOf('2024-02-14', '2024-03-15'));
  });
});

describe('weekdays', () => {
  it('a bare weekday is the latest on or before publication; "last" excludes the day itself', () => {
    expect(span('on Monday', '2024-04-15')).toEqual(dayOf('2024-04-15'));
    expect(span('last Monday', '2024-04-15')).toEqual(dayOf('2024-04-08'));
    expect(span('last Monday', '2024-04-16')).toEqual(dayOf('2024-04-15'));
    expect(span('Friday evening', THURSDAY_18_APRIL)).toEqual(dayOf('2024-04-12'));
    expect(span('next Monday', '2024-04-15')).toEqual(dayOf('2024-04-22'));
    expect(span('this coming Saturday', THURSDAY_18_APRIL)).toEqual(dayOf('2024-04-20'));
  });

  it('counts days exactly and weeks approximately', () => {
    expect(span('yesterday', '2024-03-01')).toEqual(dayOf('2024-02-29'));
    expect(span('three days ago', THURSDAY_18_APRIL)).toEqual(dayOf('2024-04-15'));
    expect(span('10 days ago', THURSDAY_18_APRIL)).toEqual(dayOf('2024-04-08'));
    expect(span('a week ago', THURSDAY_18_APRIL)).toEqual(rangeOf('2024-04-08', '2024-04-14'));
  });
});

describe('what it refuses', () => {
  it.each([
    ['soon', THURSDAY_18_APRIL, /no rule/],
    ['', THURSDAY_18_APRIL, /empty/],
    ['0 days ago', THURSDAY_18_APRIL, /not a number/],
    ['on Thursday', '2024-02-30', /no such day/],
    ['on Thursday', '18 April 2024', /not an ISO day/],
  ])('"%s" on %s', (phrase, published, reason) => {
    expect(resolveRelativeDate(phrase, published)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('normalizePhrase', () => {
  it('ignores case, curly apostrophes, spacing, punctuation and a trailing possessive', () => {
    expect(normalizePhrase('  Last\u00a0Weekend’s, ')).toBe('last weekend');
    expect(normalizePhrase('"Earlier this week,"')).toBe('earlier this week');
  });
});

const PAST_PHRASES = [
  'today',
  'yesterday',
  'on Monday',
  'on Saturday',
  'last Friday',
  'earlier this week',
  'last week',
  'last weekend',
  'over the weekend',
  'this past weekend',
  'earlier this month',
  'last month',
  'two weeks ago',
  'days after',
  'in recent weeks',
  'over the past few weeks',
  'in recent months',
];

describe('every resolution', () => {
  it('is a valid day or range, never after publication for phrases about the past', () => {
    const days = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2060-12-31') });
    fc.assert(
      fc.property(days, fc.constantFrom(...PAST_PHRASES), fc.boolean(), (published, phrase, sundayWeeks) => {
        const iso = isoDayOf(published);
        const date = resolved(phrase, iso, sundayWeeks ? { weekStartsOn: 'sunday' } : {});
        expect(date.start <= date.end).toBe(true);
        expect(date.precision === 'day').toBe(date.start === date.end);
        expect(date.end <= iso).toBe(true);
        expect(dayNumber(iso) - dayNumber(date.start)).toBeLessThanOrEqual(100);
      }),
    );
  });
});
