import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Never article text: code, styling, page furniture. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'head',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'figure',
  'figcaption',
  'menu',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'table',
  'tr',
  'dd',
  'dt',
  'br',
  'hr',
]);
const BOILERPLATE =
  /^(?:advertisement|share this article|read more:?|sign up for our newsletter.*|subscribe.*|related:.*|© .*)$/i;

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value ?? '';

/** Deeper than any real article page; a hostile page nests thousands of levels. */
export const MAX_HTML_DEPTH = 512;

/** A page nested deeper than MAX_HTML_DEPTH: refused rather than walked. */
export class NestedTooDeeplyError extends Error {
  constructor() {
    super('the page is nested too deeply to read');
    this.name = 'NestedTooDeeplyError';
  }
}

type ParentNode = Node | DefaultTreeAdapterMap['document'];
const childrenOf = (node: ParentNode): Node[] => ('childNodes' in node ? node.childNodes : []);

/**
 * Reduces an HTML page to its article text with a real HTML parser: the <article> (or <main>,
 * or the body) without scripts, styles and page furniture, one paragraph per block, entities
 * decoded. The result is text; nothing of the page is ever rendered. The walks keep their own
 * stack rather than recursing, so depth is a checked limit, not a stack overflow.
 */
export function htmlToText(html: string): string {
  const document = parse(html);
  const root = findFirst(document, 'article') ?? findFirst(document, 'main') ?? findFirst(document, 'body') ?? document;
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text && !BOILERPLATE.test(text)) blocks.push(text);
    current = '';
  };
  // `null` marks the end of a block element: its text is flushed when the walk gets there.
  const stack: ({ node: ParentNode; depth: number } | null)[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === null) {
      flush();
      continue;
    }
    if (!entry) break;
    const { node, depth } = entry;
    if (depth > MAX_HTML_DEPTH) throw new NestedTooDeeplyError();
    if (isElement(node)) {
      const element = node;
      if (SKIPPED.has(element.tagName) || attr(element, 'hidden') !== '' || attr(element, 'aria-hidden') === 'true')
        continue;
      if (BLOCKS.has(element.tagName)) {
        flush();
        stack.push(null);
      }
    } else if (node.nodeName === '#text' && 'value' in node) {
      current += node.value;
      continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i] as Node, depth: depth + 1 });
  }
  flush();
  return blocks.join('\n\n');
}

/** The first element named `tagName` in document order. */
function findFirst(document: ParentNode, tagName: string): Element | null {
  const stack: { node: ParentNode; depth: number }[] = [{ node: document, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) throw new NestedTooDeeplyError();
    if (isElement(node) && node.tagName === tagName) return node;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i] as Node, depth: depth + 1 });
  }
  return null;
}
