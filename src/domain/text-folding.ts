const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Text as comparisons see it: lower case, without accents or other combining marks, with
 * compatibility forms (ligatures, full-width letters) decomposed, so "Café", "CAFE" and
 * "ｃａｆé" all read "cafe". Searches, name keys and passage matching all fold with this.
 */
export function foldText(text: string): string {
  // ASCII has nothing to decompose; passage finding folds every word of every article.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}
