/**
 * Reduces Markdown to the article's plain text: headings, emphasis, links, images, list and
 * quote markers go; paragraphs stay separated by blank lines.
 *
 * Each pattern is linear in the input: no repeated part may run over the opening mark of the
 * next match (a link text holds no "[", an emphasis no "*" or "_", nothing crosses a line but
 * fenced code), so a failed match costs the distance to the next candidate, never the rest of
 * the file. 200 KB of "[" took seconds with open-ended patterns.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^```[\s\S]*?^```\s*$/gm, '')
    .replace(/!\[[^[\]\n]*\]\([^()[\]\n]*\)/g, '')
    .replace(/\[([^[\]\n]+)\]\([^()[\]\n]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    .replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '')
    .replace(
      /\*\*([^*\n]+)\*\*|__([^_\n]+)__/g,
      (_m, star: string | undefined, under: string | undefined) => star ?? under ?? '',
    )
    .replace(/(?<![\w*])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?![\s_])([^_\n]+?)(?<!\s)_(?![\w_])/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
