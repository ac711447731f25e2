import { foldText } from '../text-folding';
/**
 * Normalized word tokens for lexical matching: case, quote style, accents, "U.S." vs "US",
 * punctuation and light inflection do not count.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'of on or our over she so than that the their them then there these they this those to too ' +
    'was we were what when which while who will with would'
  ).split(' '),
);

export function normalizeText(text: string): string {
  return foldText(text)
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\b([a-z])\.([a-z])\.(?:([a-z])\.)?/g, (_m, a: string, b: string, c?: string) => `${a}${b}${c ?? ''}`)
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Strips common English endings so "denied", "denies" and "denial" meet. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of [
    ['ational', 'ate'],
    ['ations', 'ate'],
    ['ation', 'ate'],
    ['ments', ''],
    ['ment', ''],
    ['ings', ''],
    ['ing', ''],
    ['ied', 'y'],
    ['ies', 'y'],
    ['ial', 'y'],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  if (normalized === '') return [];
  return normalized
    .split(' ')
    .filter((word) => !STOPWORDS.has(word))
    .map(stem);
}
