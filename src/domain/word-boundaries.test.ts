import { describe, expect, it } from 'vitest';
import { onWordBoundary, sentenceAt, snapToWords } from './word-boundaries';

const body = 'The talks, held in Washington, were postponed. Officials said so.';

describe('word boundaries', () => {
  it('tells a boundary between words from a cut inside one', () => {
    expect(onWordBoundary(body, 0)).toBe(true);
    expect(onWordBoundary(body, 3)).toBe(true);
    expect(onWordBoundary(body, 2)).toBe(false);
    expect(onWordBoundary(body, body.length)).toBe(true);
  });

  it('takes a cut word whole and leaves out space at either end', () => {
    const start = body.indexOf('alks');
    const end = body.indexOf('Washington') + 4;
    const snapped = snapToWords(body, start, end);
    expect(snapped && body.slice(...snapped)).toBe('talks, held in Washington');
    const spaced = snapToWords(body, body.indexOf(' were'), body.indexOf('postponed') + 'postponed'.length + 1);
    expect(spaced && body.slice(...spaced)).toBe('were postponed.');
  });

  it('accepts a selection made backwards and refuses one of space only', () => {
    const snapped = snapToWords(body, body.indexOf('said') + 2, body.indexOf('Officials') + 1);
    expect(snapped && body.slice(...snapped)).toBe('Officials said');
    expect(snapToWords(body, 3, 4)).toBeNull();
  });

  it('keeps letters of any script together', () => {
    const arabic = 'قال مسؤول إن المحادثات';
    const snapped = snapToWords(arabic, 5, 7);
    expect(snapped && arabic.slice(...snapped)).toBe('مسؤول');
  });

  it('finds the sentence that holds an offset', () => {
    const sentences: [number, number][] = [
      [0, 46],
      [47, body.length],
    ];
    expect(sentenceAt(sentences, body.indexOf('Officials'))).toEqual([47, body.length]);
    expect(sentenceAt(sentences, body.length)).toBeNull();
  });
});
