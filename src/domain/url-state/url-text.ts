import { MAX_TEXT_LENGTH } from './url-vocabulary';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Free text as the codec stores it: lone surrogates replaced (a URL can only carry
 * well-formed Unicode, and encodeURIComponent throws on them) and outer whitespace trimmed.
 */
export function cleanText(raw: string): string {
  return raw.replace(LONE_SURROGATE, '\uFFFD').trim();
}

/** Counts code points, so an emoji is one character as the reader sees it (near enough). */
export function isTooLong(text: string): boolean {
  // Cheap bounds first: a huge input should not be spread into an array just to be rejected.
  if (text.length <= MAX_TEXT_LENGTH) return false;
  if (text.length > 2 * MAX_TEXT_LENGTH) return true;
  return Array.from(text).length > MAX_TEXT_LENGTH;
}

const collator = new Intl.Collator('en');

/**
 * Canonical topic order: English collation as readers expect, with a code-unit
 * tie-break because collation calls some distinct strings equal, and a canonical
 * order must not depend on the order the labels arrived in.
 */
export function compareTopics(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const NOTICE_VALUE_LENGTH = 80;

/** Notices are shown to readers; a megabyte of pasted junk should not be. */
export function clipForNotice(value: string): string {
  // 2n + 1 code units hold more than n code points whenever the value is longer than that.
  const head = Array.from(value.slice(0, 2 * NOTICE_VALUE_LENGTH + 1));
  if (head.length <= NOTICE_VALUE_LENGTH) return value;
  return `${head.slice(0, NOTICE_VALUE_LENGTH).join('')}…`;
}
