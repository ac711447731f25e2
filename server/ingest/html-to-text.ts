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

/**
 * Reduces an HTML page to its article text with a real HTML parser: the <article> (or <main>,
 * or the body) without scripts, styles and page furniture, one paragraph per block, entities
 * decoded. The result is text; nothing of the page is ever rendered.
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
  const walk = (node: Node) => {
    if (isElement(node)) {
      if (SKIPPED.has(node.tagName) || attr(node, 'hidden') !== '' || attr(node, 'aria-hidden') === 'true') return;
      const block = BLOCKS.has(node.tagName);
      if (block) flush();
      for (const child of node.childNodes) walk(child);
      if (block) flush();
      return;
    }
    if (node.nodeName === '#text' && 'value' in node) current += node.value;
    else if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

function findFirst(node: Node | DefaultTreeAdapterMap['document'], tagName: string): Element | null {
  if (isElement(node) && node.tagName === tagName) return node;
  for (const child of ('childNodes' in node ? node.childNodes : []) as Node[]) {
    const found = findFirst(child, tagName);
    if (found) return found;
  }
  return null;
}
