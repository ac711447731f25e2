import { describe, expect, it } from 'vitest';
import { passageSchema } from './schemas';
import { findSharedPassages, MIN_PASSAGE_WORDS, type PassageSource } from './shared-passages';
import { checkSpan } from './span-anchoring';

const QUOTE =
  'US participants expressed concerns with various courses of action in Rafah, and Israeli participants agreed';

function article(id: string, ...sentences: string[]): PassageSource {
  return { id, body: sentences.join(' ') };
}

/** Spans as "article: exact", the readable form of a passage. */
const copies = (sources: PassageSource[], minWords?: number) =>
  findSharedPassages('story', sources, minWords === undefined ? {} : { minWords }).map((passage) =>
    passage.spans.map((span) => `${span.article}: ${span.exact}`),
  );

describe('findSharedPassages', () => {
  it('finds a sentence two articles share, with its place in each', () => {
    const sources = [
      article('a', 'The White House said on Thursday that', QUOTE, 'to meet again.'),
      article('b', 'A statement read:', QUOTE, 'without a date.'),
      article('c', 'Nothing here is copied from the statement at all, not one sentence of it.'),
    ];
    const passages = findSharedPassages('story', sources);
    expect(passages).toHaveLength(1);
    const [passage] = passages;
    expect(passage?.text).toBe(QUOTE);
    expect(passage?.spans.map((s) => s.article)).toEqual(['a', 'b']);
    for (const span of passage?.spans ?? []) {
      const body = sources.find((s) => s.id === span.article)?.body ?? '';
      expect(checkSpan(body, span)).toEqual({ ok: true });
      expect(span.exact).toBe(QUOTE);
    }
    expect(passageSchema.safeParse(passage).success).toBe(true);
  });

  it('tolerates curly or straight quotes, "U.S." or "US", case, white space and punctuation', () => {
    const sources = [
      article('a', '“U.S. participants expressed concerns with various courses of action in Rafah,” it said.'),
      article('b', 'It said "us participants   expressed concerns, with various courses of action in Rafah" today.'),
      article(
        'c',
        'Officials say US participants expressed\t concerns with various courses of action in Rafah—then left.',
      ),
    ];
    expect(copies(sources)).toEqual([
      [
        'a: U.S. participants expressed concerns with various courses of action in Rafah',
        'b: us participants   expressed concerns, with various courses of action in Rafah',
        'c: US participants expressed\t concerns with various courses of action in Rafah',
      ],
    ]);
  });

  it('reads apostrophes of either shape and accented letters alike', () => {
    const sources = [
      article('a', 'They said Israel’s defence minister met the café owners near the border on Monday.'),
      article('b', "They said Israel's defence minister met the cafe owners near the border on Monday."),
    ];
    expect(copies(sources)).toHaveLength(1);
  });

  it(`needs at least ${MIN_PASSAGE_WORDS} words in common`, () => {
    const seven = 'expressed concerns with various courses of action';
    expect(copies([article('a', 'One.', seven, 'two.'), article('b', 'Three:', seven, 'four.')])).toEqual([]);
    const eight = `${seven} here`;
    expect(copies([article('a', 'One.', eight, 'two.'), article('b', 'Three:', eight, 'four.')])).toHaveLength(1);
    expect(copies([article('a', 'One.', seven, 'two.'), article('b', 'Three:', seven, 'four.')], 5)).toHaveLength(1);
  });

  it('does not match a sentence changed in its middle (near miss)', () => {
    const sources = [
      article('a', 'The two sides agreed on the shared objective to see Hamas defeated soon.'),
      article('b', 'The two sides agreed on the common objective to see Hamas defeated soon.'),
    ];
    expect(copies(sources)).toEqual([]);
  });

  it('ignores text repeated inside one article only', () => {
    const caption = 'Israeli forces operate in the Gaza Strip, January 1, 2024 (photo credit: IDF)';
    expect(copies([article('a', caption, caption), article('b', 'Something else entirely.')])).toEqual([]);
  });

  it('does not run a passage across a line break', () => {
    const sources = [
      { id: 'a', body: 'the readout said one two three\nfour five six seven eight were there' },
      { id: 'b', body: 'the readout said one two three four five six seven eight were there' },
    ];
    expect(copies(sources)).toEqual([]);
  });

  it('keeps one passage for a statement quoted in full by some and in part by others', () => {
    const full = `${QUOTE} to take these concerns into account and to have further follow up discussions.`;
    const sources = [
      article('a', 'The statement read:', full),
      article('b', 'It said', full, 'Then it ended.'),
      article('c', 'Partly:', QUOTE, 'and nothing more was said by anyone.'),
    ];
    const passages = findSharedPassages('story', sources);
    expect(passages).toHaveLength(1);
    expect(passages[0]?.spans.map((s) => [s.article, s.exact.length])).toEqual([
      ['a', full.length - 1],
      ['b', full.length - 1],
      ['c', QUOTE.length],
    ]);
    expect(passages[0]?.text).toBe(full.slice(0, -1));
  });

  it('keeps two quotes apart when only some articles run them together', () => {
    const first = 'The ministry said the crossing would reopen for aid trucks next week.';
    const second = 'Egyptian officials denied that any agreement on the border had been reached.';
    const sources = [
      article('a', first, second),
      article('b', 'Earlier,', first),
      article('c', 'Also,', second, 'Nothing else.'),
      article('d', 'Also then', second, 'Nothing more.'),
    ];
    const found = findSharedPassages('story', sources);
    expect(found).toHaveLength(2);
    expect(found.map((p) => p.spans.map((s) => s.article))).toEqual([
      ['a', 'b'],
      ['a', 'c', 'd'],
    ]);
  });

  it('names passages with stable slugs, unique within the story', () => {
    const sources = [
      article('a', QUOTE, 'and then', 'a second sentence that is also shared with the other article word for word.'),
      article('b', QUOTE, 'but then', 'a second sentence that is also shared with the other article word for word.'),
    ];
    const first = findSharedPassages('story', sources);
    const again = findSharedPassages('story', sources);
    expect(again).toEqual(first);
    expect(first).toHaveLength(2);
    expect(new Set(first.map((p) => p.id)).size).toBe(2);
    for (const passage of first) expect(passageSchema.safeParse(passage).success).toBe(true);
    expect(findSharedPassages('other-story', sources)[0]?.id).not.toBe(first[0]?.id);
  });

  it('handles empty and very short articles, and refuses a nonsensical minimum', () => {
    expect(findSharedPassages('story', [])).toEqual([]);
    expect(copies([article('a', 'Too short.'), article('b', 'Too short.')])).toEqual([]);
    expect(() => findSharedPassages('story', [], { minWords: 0 })).toThrow(RangeError);
    expect(() => findSharedPassages('story', [], { minWords: 2.5 })).toThrow(RangeError);
  });

  it('finds one copy per article even among many articles', () => {
    const sources = Array.from({ length: 300 }, (_, i) =>
      article(`art-${i}`, `Report number ${i} opens with its own words about item ${i * 7}.`, i % 3 === 0 ? QUOTE : ''),
    );
    const passages = findSharedPassages('story', sources);
    expect(passages).toHaveLength(1);
    expect(passages[0]?.spans).toHaveLength(100);
  });
});
