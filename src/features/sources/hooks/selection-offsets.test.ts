import { describe, expect, it } from 'vitest';
import { rangeToOffsets } from './selection-offsets';

const BODY = 'First paragraph here.\n\nSecond one, with evidence in it.';
const PARAGRAPHS: [number, number][] = [
  [0, 21],
  [23, BODY.length],
];

/** The pane's drawing of the text: a glyph and a screen-reader label inside the highlight. */
function drawn(): HTMLElement {
  const text = document.createElement('div');
  text.innerHTML =
    '<p class="pane__paragraph">First paragraph here.</p>' +
    '<p class="pane__paragraph">Second one, with <mark><span aria-hidden="true">✓</span>' +
    '<span class="visually-hidden">[evidence: reports] </span>evidence</mark> in it.</p>';
  document.body.append(text);
  return text;
}

describe('a selection as characters of the article', () => {
  it('counts only the article’s own text, not the glyphs and labels drawn around evidence', () => {
    const text = drawn();
    const mark = text.querySelector('mark')!;
    const range = document.createRange();
    range.setStart(mark.lastChild!, 2);
    range.setEnd(text.querySelectorAll('p')[1]!.lastChild!, 3);
    const offsets = rangeToOffsets(text, PARAGRAPHS, range)!;
    expect(BODY.slice(...offsets)).toBe('idence in');
    text.remove();
  });

  it('runs across paragraphs, and is cut at the text’s edge', () => {
    const text = drawn();
    const range = document.createRange();
    range.setStart(text.querySelector('p')!.firstChild!, 6);
    range.setEndAfter(text);
    const offsets = rangeToOffsets(text, PARAGRAPHS, range)!;
    expect(offsets).toEqual([6, BODY.length]);
    text.remove();
  });

  it('finds nothing when the paragraphs drawn are not the article’s', () => {
    const text = drawn();
    const range = document.createRange();
    range.selectNodeContents(text);
    expect(rangeToOffsets(text, PARAGRAPHS.slice(0, 1), range)).toBeNull();
    text.remove();
  });
});
