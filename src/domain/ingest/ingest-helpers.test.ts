import { describe, expect, it } from 'vitest';
import { matchKnownNames } from './known-names';
import { markdownToText } from './markdown-to-text';
import { findQuotations } from './quotations';

const actors = [
  { id: 'jake-sullivan', name: 'Jake Sullivan', kind: 'person' as const, description: '' },
  { id: 'white-house', name: 'White House', kind: 'office' as const, description: '' },
  { id: 'two-us-officials', name: 'two U.S. officials', kind: 'unnamed-source' as const, description: '' },
];
const outlets = [
  { id: 'al-araby', name: 'Al-Araby Al-Jadeed', aliases: ['The New Arab'], kind: 'newspaper' as const, url: null },
];

describe('matchKnownNames', () => {
  it('finds full names, aliases and a person by surname alone', () => {
    const text = 'The New Arab reported that Sullivan met; the White House and Jake Sullivan agreed, New Arab said.';
    expect(matchKnownNames(text, actors, outlets).map((m) => [m.id, m.text])).toEqual([
      ['al-araby', 'The New Arab'],
      ['jake-sullivan', 'Sullivan'],
      ['white-house', 'White House'],
      ['jake-sullivan', 'Jake Sullivan'],
      ['al-araby', 'New Arab'],
    ]);
  });

  it('matches names of several words in any case and hyphenation, single words only as written', () => {
    const text = 'The London-based al-Araby al-Jadeed and AL ARABY AL-JADEED, the white house; sullivan said.';
    expect(matchKnownNames(text, actors, outlets).map((m) => [m.id, m.text])).toEqual([
      ['al-araby', 'al-Araby al-Jadeed'],
      ['al-araby', 'AL ARABY AL-JADEED'],
      ['white-house', 'white house'],
    ]);
  });

  it('does not match inside other words or unnamed sources by name', () => {
    expect(matchKnownNames('Sullivanesque prose from two U.S. officials', actors, outlets)).toEqual([]);
  });
});

describe('findQuotations', () => {
  it('finds curly and straight quotations', () => {
    const text = 'He said “meet again soon,” and "ready for all scenarios" too.';
    expect(findQuotations(text).map(([s, e]) => text.slice(s, e))).toEqual([
      '“meet again soon,”',
      '"ready for all scenarios"',
    ]);
  });
});

describe('markdownToText', () => {
  it('keeps the words and paragraphs, drops the markup', () => {
    const markdown =
      '# Talks resume\n\n**Cairo** — Officials met, [Reuters](https://x.example) said.\n\n> “We are close,” one said.\n\n- first point\n- _second_ point\n\n![photo](a.png)';
    expect(markdownToText(markdown)).toBe(
      'Talks resume\n\nCairo — Officials met, Reuters said.\n\n“We are close,” one said.\n\nfirst point\nsecond point',
    );
  });

  it('leaves unmatched marks as they are, in long runs too', () => {
    expect(markdownToText('['.repeat(50_000))).toBe('['.repeat(50_000));
    const opened = '[a](b '.repeat(2_000) + '**c _d `e';
    expect(markdownToText(opened)).toBe(opened.trim());
    expect(markdownToText('Say *"yes"* and __go__ to `npm` [here](u) ![](i)')).toBe('Say "yes" and go to npm here');
  });
});
