import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Outlet } from './schemas';
import { readableReferences } from './article-references';

const index = {
  articles: new Map([
    ['000_8afd1a478485ac90', { outlet: 'inn' } as ArticleMeta],
    ['001_2550a2c150cccb37', { outlet: 'ibt' } as ArticleMeta],
  ]),
  outlets: new Map([
    ['inn', { name: 'Israel National News' } as Outlet],
    ['ibt', { name: 'International Business Times' } as Outlet],
  ]),
};

describe('readableReferences', () => {
  it('drops the number where the outlet is already named', () => {
    expect(readableReferences('IBTimes (001, 18 April 2024) calls it "the second".', index)).toBe(
      'IBTimes (18 April 2024) calls it "the second".',
    );
  });

  it('names the outlet for a bare number', () => {
    expect(readableReferences('"last weekend" (001), "over the weekend" (000).', index)).toBe(
      '"last weekend" (International Business Times), "over the weekend" (Israel National News).',
    );
    expect(readableReferences('(001: "are set to hold")', index)).toBe(
      '(International Business Times: "are set to hold")',
    );
    expect(readableReferences('quoted in 000 and 001', index)).toBe(
      'quoted in Israel National News and International Business Times',
    );
  });

  it('leaves numbers that are no article of the story, and years', () => {
    expect(readableReferences('024: on 18 April 2024 (article 165642)', index)).toBe(
      '024: on 18 April 2024 (article 165642)',
    );
  });
});
