import type { StoryIndex } from './story-index';

/** An article's number as the curators write it in notes: the "001" of "001_2550a2c150cccb37". */
const NUMBER = /\b(0\d{2})\b/g;
/** "IBTimes (001, 18 April 2024)": the outlet is already named, only the date is for readers. */
const NAMED_THEN_NUMBER = /\((0\d{2}), /g;

/**
 * A curator's note as a reader should see it: article numbers ("001", "(000, 18 April 2024)")
 * become the outlet's name, or go where the outlet is already named. Numbers that are no
 * article of the story are left as they are.
 */
export function readableReferences(text: string, index: Pick<StoryIndex, 'articles' | 'outlets'>): string {
  const names = new Map<string, string>();
  for (const [id, article] of index.articles) {
    const number = /^(0\d{2})_/.exec(id)?.[1];
    if (number) names.set(number, index.outlets.get(article.outlet)?.name ?? number);
  }
  if (names.size === 0) return text;
  return text
    .replace(NAMED_THEN_NUMBER, (whole, number: string, offset: number) => {
      const before = text.slice(Math.max(0, offset - 2), offset);
      return names.has(number) && /\w $/.test(before) ? '(' : whole;
    })
    .replace(NUMBER, (whole, number: string) => names.get(number) ?? whole);
}
