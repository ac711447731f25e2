import { describe, expect, it } from 'vitest';
import { contradictionPairs } from './contradiction-pairs';
import type { Stance } from './schemas';

const m = (id: string, article: string, stance: Stance) => ({ id, article, stance });

describe('contradiction pairs', () => {
  it('pairs every source for the claim with every source against it, in mention order', () => {
    const pairs = contradictionPairs([
      m('a', '000', 'reports'),
      m('b', '001', 'denies'),
      m('c', '001', 'reports'),
      m('d', '002', 'contradicts'),
      m('e', '003', 'asserts'),
    ]);
    expect(pairs.map((p) => `${p.support.id}-${p.opposition.id}`)).toEqual(['a-b', 'a-d', 'c-b', 'c-d', 'e-b', 'e-d']);
  });

  it('marks a pair carried by one article', () => {
    const pairs = contradictionPairs([m('a', '001', 'reports'), m('b', '001', 'denies'), m('c', '002', 'denies')]);
    expect(pairs.map((p) => p.sameArticle)).toEqual([true, false]);
  });

  it('finds none for a claim nobody contradicts, or nobody supports', () => {
    expect(contradictionPairs([m('a', '000', 'asserts'), m('b', '001', 'reports')])).toEqual([]);
    expect(contradictionPairs([m('a', '000', 'denies')])).toEqual([]);
    expect(contradictionPairs([])).toEqual([]);
  });
});
