import { describe, expect, it } from 'vitest';
import { claimMatcher } from './claim-search';
import { findTextHits, foldWithOffsets } from './text-search';

const whole = (text: string) => [[0, text.length] as [number, number]];
const words = (text: string, query: string, units = whole(text)) =>
  findTextHits(text, units, query).map((hit) => text.slice(hit.start, hit.end));

describe('findTextHits', () => {
  it('finds every word of the query, in any order, whatever the case', () => {
    const text = 'No strike on Iran, the US said; IRAN denied any strike.';
    expect(words(text, 'iran Strike')).toEqual(['strike', 'Iran', 'IRAN', 'strike']);
  });

  it('folds accents and keeps the original offsets', () => {
    const text = 'Le café du Caïre ouvre.';
    expect(words(text, 'caire CAFE')).toEqual(['café', 'Caïre']);
    expect(foldWithOffsets('ﬁne').folded).toBe('fine');
    expect(words('a ﬁne day', 'fine')).toEqual(['ﬁne']);
  });

  it('marks a unit only when it holds every word, as the claim search does', () => {
    const text = 'Iran was named.\nA strike was planned.\nNo Iran strike.';
    const units: [number, number][] = [
      [0, 15],
      [16, 37],
      [38, 53],
    ];
    expect(words(text, 'iran strike', units)).toEqual(['Iran', 'strike']);
    expect(findTextHits(text, units, 'iran strike')[0]?.start).toBe(41);
    // The same words in the same order select the same claim.
    expect(claimMatcher('strike IRAN')({ id: 'x', text: 'No Iran strike.', topic: 't' })).toBe(true);
  });

  it('joins overlapping words and finds nothing for a blank search', () => {
    expect(words('the Rafah operation', 'raf rafah')).toEqual(['Rafah']);
    expect(findTextHits('anything', whole('anything'), '  ')).toEqual([]);
    expect(words('Iran only', 'iran strike')).toEqual([]);
  });
});
