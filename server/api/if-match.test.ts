import { describe, expect, it } from 'vitest';
import { etagFor, parseIfMatch } from './if-match';

describe('If-Match', () => {
  it('reads a quoted ETag or a bare version', () => {
    expect(parseIfMatch('"3"')).toEqual({ kind: 'version', version: 3 });
    expect(parseIfMatch(' 12 ')).toEqual({ kind: 'version', version: 12 });
    expect(parseIfMatch(etagFor(7))).toEqual({ kind: 'version', version: 7 });
  });

  it('tells a missing header from a malformed one', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'missing' });
    expect(parseIfMatch('  ')).toEqual({ kind: 'missing' });
    for (const bad of ['*', 'W/"3"', '"3", "4"', '"0"', '-1', '"3', 'abc', '1e3', '"99999999999999999"']) {
      expect(parseIfMatch(bad).kind).toBe('invalid');
    }
  });
});
