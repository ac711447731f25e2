import type { CharRange } from '../schemas';

/** Quoted passages: “curly” or "straight" double quotes, each with its range including the marks. */
export function findQuotations(text: string): CharRange[] {
  const ranges: CharRange[] = [];
  for (const m of text.matchAll(/“[^“”]+”|"[^"\n]+"/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}
