import type { CharRange } from '@/domain/schemas';

/** Text drawn for the reader that is not the article's: glyphs, screen-reader labels, buttons. */
const NOT_ARTICLE_TEXT = '[aria-hidden="true"], .visually-hidden, button, .pane__furniture-label';

const isArticleText = (node: Node, root: Element) => {
  const parent = node.parentElement;
  const aside = parent?.closest(NOT_ARTICLE_TEXT);
  return !aside || !root.contains(aside);
};

/** Where a point of the page stands in a paragraph's own text, counted in characters. */
function offsetIn(paragraph: Element, node: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(node, offset);
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!isArticleText(text, paragraph)) continue;
    const length = text.textContent?.length ?? 0;
    if (text === node) return count + offset;
    if (point.comparePoint(text, length) <= 0) count += length;
    else break;
  }
  return count;
}

/**
 * A range of the page as characters of the article's body: the pane draws one element per
 * paragraph (`.pane__paragraph`, in order), whose article text, less what the pane adds to
 * it, is the paragraph's text. A range running out of the text is cut at its edge; null when
 * it does not touch the text, or the paragraphs drawn are not the article's.
 */
export function rangeToOffsets(text: Element, paragraphs: readonly CharRange[], range: Range): CharRange | null {
  const drawn = [...text.querySelectorAll('.pane__paragraph')];
  if (drawn.length !== paragraphs.length) return null;
  const touched = drawn.flatMap((element, i) => (range.intersectsNode(element) ? [i] : []));
  const first = touched[0];
  const last = touched.at(-1);
  if (first === undefined || last === undefined) return null;
  const [firstStart] = paragraphs[first]!;
  const [, lastEnd] = paragraphs[last]!;
  const firstElement = drawn[first]!;
  const lastElement = drawn[last]!;
  const start = firstElement.contains(range.startContainer)
    ? firstStart + offsetIn(firstElement, range.startContainer, range.startOffset)
    : firstStart;
  const end = lastElement.contains(range.endContainer)
    ? paragraphs[last]![0] + offsetIn(lastElement, range.endContainer, range.endOffset)
    : lastEnd;
  return end > start ? [start, Math.min(end, lastEnd)] : null;
}
