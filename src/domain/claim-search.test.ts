import { describe, expect, it } from 'vitest';
import { claimMatcher, searchMatcher, searchTerms } from './claim-search';

const claim = { id: 'us-accepts-rafah', text: 'The US accepts a Rafah operation', topic: 'Deal' };

describe('claimMatcher', () => {
  it('keeps claims with every word of the search, in any order, in wording, topic or id', () => {
    expect(claimMatcher('rafah accepts')(claim)).toBe(true);
    expect(claimMatcher('RAFAH  deal')(claim)).toBe(true);
    expect(claimMatcher('us-accepts')(claim)).toBe(true);
    expect(claimMatcher('rafah denies')(claim)).toBe(false);
  });

  it('folds accents on both sides', () => {
    expect(claimMatcher('opération')(claim)).toBe(true);
    expect(claimMatcher('cafe')({ ...claim, text: 'A café meeting' })).toBe(true);
  });

  it('keeps everything for a blank search', () => {
    expect(searchTerms('  \t ')).toEqual([]);
    expect(claimMatcher('   ')(claim)).toBe(true);
    expect(searchMatcher('')('anything')).toBe(true);
  });
});
