import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { isIsoDay } from '@/domain/calendar-days';

/** What a Markdown file says about itself: its front matter, else its first headline. */
export type MarkdownMetadata = {
  /** The front matter's title, else the first level-one heading, else a heading that opens the file. */
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD, from the front matter's date. */
  published: string | null;
};

export type ReadMarkdown = { text: string; metadata: MarkdownMetadata };

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Reads Markdown with a maintained CommonMark/GFM parser (marked's lexer) into the article's
 * plain text: one block per heading, paragraph, quote paragraph or list (its items a line
 * each), table rows a line each; emphasis, links, images, inline HTML and code go, fenced and
 * indented code blocks are dropped. YAML front matter is read for the title, author and date
 * and left out of the text.
 */
export function readMarkdown(markdown: string): ReadMarkdown {
  const source = markdown.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const front = FRONT_MATTER.exec(source);
  const matter = front ? frontMatter(front[1] ?? '') : {};
  const tokens = new Lexer({ gfm: true }).lex(front ? source.slice(front[0].length) : source);
  const blocks: string[] = [];
  let heading: string | null = null;
  let opening: string | null = null;
  for (const token of tokens) {
    const before = blocks.length;
    pushBlocks(token, blocks);
    if (token.type === 'heading' && blocks.length > before) {
      const text = blocks[before] ?? '';
      if (before === 0) opening = text;
      if ((token as Tokens.Heading).depth === 1) heading ??= text;
    }
  }
  return {
    text: blocks.join('\n\n'),
    metadata: {
      title: matter.title ?? heading ?? opening,
      byline: matter.byline ?? null,
      published: matter.published ?? null,
    },
  };
}

/** The article's plain text of a Markdown file. */
export function markdownToText(markdown: string): string {
  return readMarkdown(markdown).text;
}

function pushBlocks(token: Token, blocks: string[]): void {
  const push = (text: string) => {
    const trimmed = text
      .replace(/[ \t]+\n/g, '\n')
      .replace(/ {2,}/g, ' ')
      .trim();
    if (trimmed !== '') blocks.push(trimmed);
  };
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      push(inlineText(token.tokens ?? []));
      return;
    case 'text': {
      const text = token as Tokens.Text;
      push(text.tokens ? inlineText(text.tokens) : decodeEntities(text.text));
      return;
    }
    case 'blockquote':
      for (const inner of token.tokens ?? []) pushBlocks(inner, blocks);
      return;
    case 'list':
      push((token as Tokens.List).items.map((item) => listItemText(item)).join('\n'));
      return;
    case 'table': {
      const table = token as Tokens.Table;
      const rows = [table.header, ...table.rows].map((cells) => cells.map((cell) => inlineText(cell.tokens)).join(' '));
      push(rows.join('\n'));
      return;
    }
    case 'html':
      push(decodeEntities((token as Tokens.HTML).text.replace(/<[^>]*>/g, ' ').replace(/[ \t]+/g, ' ')));
      return;
    default:
      // code, hr, space, def: no article text.
      return;
  }
}

function listItemText(item: Tokens.ListItem): string {
  const parts: string[] = [];
  for (const token of item.tokens) pushBlocks(token, parts);
  return parts.join(' ');
}

function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const inner = token as Tokens.Text;
        text += inner.tokens ? inlineText(inner.tokens) : decodeEntities(inner.text);
        break;
      }
      case 'escape':
      case 'codespan':
        text += decodeEntities((token as Tokens.Escape | Tokens.Codespan).text);
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        text += inlineText(token.tokens ?? []);
        break;
      case 'br':
        text += '\n';
        break;
      default:
        // images and inline HTML tags carry no article text.
        break;
    }
  }
  return text;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Marked leaves character references as written: the few a news text uses are read. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

type FrontMatter = { title?: string; byline?: string; published?: string };

/** Title, author and date of YAML front matter; anything unreadable is set aside. */
function frontMatter(yaml: string): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 10 });
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const date = record.date ?? record.published;
  const day =
    date instanceof Date && !Number.isNaN(date.getTime())
      ? date.toISOString().slice(0, 10)
      : typeof date === 'string'
        ? date.trim().slice(0, 10)
        : undefined;
  const author = Array.isArray(record.author)
    ? record.author.filter((a) => typeof a === 'string').join(', ')
    : record.author;
  const result: FrontMatter = {};
  const title = text(record.title);
  const byline = text(author);
  if (title) result.title = title;
  if (byline) result.byline = byline;
  if (day && isIsoDay(day)) result.published = day;
  return result;
}
