import { describe, expect, it } from 'vitest';
import { SEGMENTER_CHUNK, splitParagraphs, splitSentences } from './text-segmentation';

const texts = (body: string, ranges: [number, number][]) => ranges.map(([s, e]) => body.slice(s, e));

describe('splitParagraphs', () => {
  it('takes each line with text as a paragraph, trimmed, skipping blank lines', () => {
    const body = 'First line.\n\n  Second line.  \nThird\n\n\n';
    expect(texts(body, splitParagraphs(body))).toEqual(['First line.', 'Second line.', 'Third']);
  });
});

describe('splitSentences', () => {
  it('does not end a sentence at U.S., Mr. or Dr.', () => {
    const body = 'Mr. Biden met U.S. officials on Monday. Dr. Ayman Salama said the U.S. Army agreed. It ended.';
    expect(texts(body, splitSentences(body))).toEqual([
      'Mr. Biden met U.S. officials on Monday.',
      'Dr. Ayman Salama said the U.S. Army agreed.',
      'It ended.',
    ]);
  });

  it('keeps quotations that end a sentence with their closing mark', () => {
    const body = 'He said, “It is over.” Then he left.';
    expect(texts(body, splitSentences(body))).toEqual(['He said, “It is over.”', 'Then he left.']);
  });

  it('reads a.m. and p.m. before a day, month or time zone as part of the sentence', () => {
    const sentencesOf = (body: string) => splitSentences(body).map(([start, end]) => body.slice(start, end));
    expect(sentencesOf('They met at 10 a.m. Monday in Cairo. Then they left.')).toEqual([
      'They met at 10 a.m. Monday in Cairo.',
      'Then they left.',
    ]);
    expect(sentencesOf('Talks start at 3 P.M. EDT, officials said.')).toEqual([
      'Talks start at 3 P.M. EDT, officials said.',
    ]);
    expect(sentencesOf('The talks began at 9 p.m. The delegates left.')).toEqual([
      'The talks began at 9 p.m.',
      'The delegates left.',
    ]);
  });

  it('never lets a sentence cross a paragraph', () => {
    const body = 'A headline without a stop\nThe body starts here. It goes on.';
    expect(texts(body, splitSentences(body))).toEqual([
      'A headline without a stop',
      'The body starts here.',
      'It goes on.',
    ]);
  });
});

describe('splitSentences on one very long paragraph', () => {
  it('finds the same sentences as in short paragraphs, abbreviations included', () => {
    const sentences = ['Mr. Biden met U.S. officials on Monday.', 'J. Smith said “It is over.”', 'It ended!'];
    // Far longer than one segmenter piece, so pieces are cut at many different offsets.
    const body = Array.from({ length: 400 }, (_, i) => sentences[i % 3]).join(' ');
    expect(body.length).toBeGreaterThan(SEGMENTER_CHUNK * 5);
    const found = texts(body, splitSentences(body));
    expect(found).toHaveLength(400);
    expect(found.every((sentence, i) => sentence === sentences[i % 3])).toBe(true);
  });

  it('cuts a paragraph without any sentence mark into bounded pieces, losing no text', () => {
    const body = 'word '.repeat(3_000).trim();
    const found = splitSentences(body);
    expect(found.every(([start, end]) => end - start <= SEGMENTER_CHUNK)).toBe(true);
    expect(texts(body, found).join(' ')).toBe(body);
  });
});
