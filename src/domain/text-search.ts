import { searchTerms } from './claim-search';
import type { CharRange } from './schemas';
import { foldText } from './text-folding';

/** Where a search word stands in a text, by character offsets into the original text. */
export type TextHit = { start: number; end: number };

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * `text` folded as searches see it (foldText), with where each folded character comes from:
 * folding may drop accents or split ligatures, so folded offsets differ from the original ones.
 */
export function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  if (!NON_ASCII.test(text)) {
    const starts = Array.from({ length: text.length }, (_, i) => i);
    return { folded: text.toLowerCase(), starts, ends: starts.map((i) => i + 1) };
  }
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = foldText(char);
    folded += piece;
    for (let i = 0; i < piece.length; i += 1) {
      starts.push(at);
      ends.push(at + char.length);
    }
    at += char.length;
  }
  return { folded, starts, ends };
}

/**
 * The words of a search found in a text, with the same meaning as the claim search: a unit (a
 * paragraph) matches when it holds every word of the query, in any order, whatever the case and
 * accents; in a matching unit every occurrence of every word is a hit. In reading order, each
 * hit once (overlapping occurrences are joined).
 */
export function findTextHits(text: string, units: readonly CharRange[], query: string): TextHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: TextHit[] = [];
  for (const [unitStart, unitEnd] of units) {
    const { folded, starts, ends } = foldWithOffsets(text.slice(unitStart, unitEnd));
    if (!terms.every((term) => folded.includes(term))) continue;
    const found: TextHit[] = [];
    for (const term of terms) {
      for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
        found.push({
          start: unitStart + (starts[at] as number),
          end: unitStart + (ends[at + term.length - 1] as number),
        });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const hit of found) {
      const last = hits.at(-1);
      if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
      else hits.push({ ...hit });
    }
  }
  return hits;
}
