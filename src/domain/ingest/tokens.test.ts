import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './tokens';

describe('tokens', () => {
  it('folds case, quotes, accents, possessives and "U.S." into the same words', () => {
    expect(normalizeText('The U.S. and Israel’s “deal” — café')).toBe('the us and israel deal cafe');
    expect(tokenize('US officials denied')).toEqual(tokenize('U.S. officials denies'));
  });

  it('drops stop words and strips inflection', () => {
    expect(tokenize('The meetings were postponed')).toEqual(['meet', 'postpon']);
  });

  it('returns nothing for punctuation only', () => {
    expect(tokenize(' — ! ')).toEqual([]);
  });
});
