import { describe, expect, it } from 'vitest';
import { findDatePhrases } from './date-phrases';

const found = (text: string, published: string) =>
  findDatePhrases(text, published).map(
    (d) => `${d.phrase}: ${d.date.start}${d.date.end === d.date.start ? '' : `..${d.date.end}`}`,
  );

describe('findDatePhrases', () => {
  it('finds and resolves the relative dates of wire copy against the publication date', () => {
    // Friday 19 April 2024.
    const text =
      'Officials met on Thursday. Iran attacked last weekend, and earlier this week the army waited. ' +
      'The talks began two weeks ago; in recent weeks several groups met. A meeting is due next week.';
    expect(found(text, '2024-04-19')).toEqual([
      'on Thursday: 2024-04-18',
      'last weekend: 2024-04-13..2024-04-14',
      'earlier this week: 2024-04-15..2024-04-18',
      'two weeks ago: 2024-04-02..2024-04-08',
      'in recent weeks: 2024-03-22..2024-04-18',
      'next week: 2024-04-22..2024-04-28',
    ]);
  });

  it('skips words that only look like dates', () => {
    expect(found('The Monday Club and the Sunday Times reported.', '2024-04-19')).toEqual([]);
    expect(found('The ministry said Monday it would act.', '2024-04-19')).toEqual(['Monday: 2024-04-15']);
    expect(found('No dates here at all.', '2024-04-19')).toEqual([]);
  });

  it('reads days written out, in the year nearest the publication date', () => {
    expect(
      found('A first session on April 1; the attack of April 13-14; talks on 18 April 2024.', '2024-04-19'),
    ).toEqual(['April 1: 2024-04-01', 'April 13-14: 2024-04-13..2024-04-14', '18 April 2024: 2024-04-18']);
    expect(found('Talks began on December 30.', '2025-01-04')).toEqual(['December 30: 2024-12-30']);
  });

  it('reads a possessive weekend and a coming weekday after a future cue', () => {
    // Wednesday 17 April 2024.
    expect(found("The meeting was called off after Iran's weekend attack.", '2024-04-17')).toEqual([
      'weekend: 2024-04-13..2024-04-14',
    ]);
    expect(found('Officials are due to meet in a virtual meeting on Thursday.', '2024-04-17')).toEqual([
      'on Thursday: 2024-04-18',
    ]);
    expect(found('Israel was set to move, CNN reported on Tuesday.', '2024-04-17')).toEqual(['on Tuesday: 2024-04-16']);
  });
});
