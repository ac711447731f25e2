import type { CharRange } from './schemas';

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD.test(char);

/** Whether `offset` sits between words (or at an edge of the text), not inside one. */
export function onWordBoundary(body: string, offset: number): boolean {
  return !(isWordChar(body[offset - 1]) && isWordChar(body[offset]));
}

/**
 * A selection of the text as evidence can hold it: space at either end left out, and a word
 * cut at either end taken whole. Null when nothing but space is selected.
 */
export function snapToWords(body: string, start: number, end: number): CharRange | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(body.length, Math.max(start, end));
  while (from < to && /\s/u.test(body[from] ?? '')) from += 1;
  while (to > from && /\s/u.test(body[to - 1] ?? '')) to -= 1;
  if (from === to) return null;
  while (!onWordBoundary(body, from)) from -= 1;
  while (!onWordBoundary(body, to)) to += 1;
  return [from, to];
}

/** The sentence (of the article's sentence ranges) that holds `offset`, if any. */
export function sentenceAt(sentences: readonly CharRange[], offset: number): CharRange | null {
  return sentences.find(([start, end]) => start <= offset && offset < end) ?? null;
}
