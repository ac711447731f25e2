import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from './text-segmentation';

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
