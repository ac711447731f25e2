import type { CharRange } from '../schemas';

const PLACE = String.raw`[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DAY = String.raw`(?:,? ${MONTH} \d{1,2}(?:,? \d{4})?|,? \d{1,2} ${MONTH}(?: \d{4})?)`;
/**
 * An agency dateline opening a paragraph: "WASHINGTON (Reuters) - ", "TEL AVIV — ",
 * "DOHA, April 22 (Reuters) - ", "CAIRO, April 19. /MENA/. ", "WASHINGTON // ".
 */
const DATELINE = new RegExp(
  String.raw`^${PLACE}(?:, [A-Z][a-z]+\.?)?${DAY}?(?:\. ?/[A-Z][\w-]*/\.|\s*\([^)]{1,40}\)\s*[-–—]|\s*[–—]|\s*//)\s+(?=\S)`,
);

/** The length of the dateline a paragraph opens with, or 0. */
export function datelineLength(paragraph: string): number {
  return DATELINE.exec(paragraph)?.[0].length ?? 0;
}

/**
 * Sentences with the datelines kept out: the splitter's pieces of a dateline ("CAIRO, April
 * 19." "/MENA/.") are dropped, and a sentence that opens with one starts after it, so that
 * neither the review nor the title shows the dateline as the story's words.
 */
export function sentencesWithoutDatelines(
  body: string,
  paragraphs: readonly CharRange[],
  sentences: readonly CharRange[],
): CharRange[] {
  const datelines: CharRange[] = [];
  for (const [start, end] of paragraphs) {
    const length = datelineLength(body.slice(start, end));
    if (length > 0) datelines.push([start, start + length]);
  }
  if (datelines.length === 0) return [...sentences];
  const kept: CharRange[] = [];
  for (const [start, end] of sentences) {
    const dateline = datelines.find(([s, e]) => s <= start && start < e);
    if (!dateline) kept.push([start, end]);
    else if (end > dateline[1]) kept.push([dateline[1], end]);
  }
  return kept;
}
