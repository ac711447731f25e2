import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isIsoDay } from '@/domain/calendar-days';
import { htmlToText } from './html-to-text';

/** What a news page says about itself, beside its story. */
export type PageMetadata = {
  /** The headline as the page gives it (JSON-LD, og:title, the story's own title). */
  title: string | null;
  byline: string | null;
  /** The publication day (YYYY-MM-DD) when the page states one. */
  published: string | null;
  /** The outlet as the page names itself (og:site_name, JSON-LD publisher). */
  siteName: string | null;
};

export type ExtractedPage = { text: string; metadata: PageMetadata };

/** Lines that are page furniture, whatever element holds them. */
const FURNITURE =
  /^(?:share(?: this(?: article| story)?)?|share on \w+|(?:facebook|twitter|x|whatsapp|telegram|email|copy link)(?:\s*[|·]\s*\w+)*|related(?: stories| articles| coverage)?:?|read more:?|more on this story|advertisement|we use cookies.*|this (?:site|website) uses cookies.*|accept(?: all)?(?: cookies)?|comments? \(\d+\)|\d+ comments?|leave a comment)$/i;

/**
 * The story of a news page, with a maintained extractor (Mozilla's Readability over linkedom's
 * DOM): the article's text without byline, share bar, related links, comments and cookie
 * banners, plus the page's own metadata. A page too short for Readability to judge falls
 * back to the plain reading of the markup. The page is never rendered and no script runs.
 */
export function extractPage(html: string): ExtractedPage {
  // The plain reading checks the nesting depth first: a hostile page is refused before any DOM is built.
  const plain = htmlToText(html);
  // linkedom builds no document element for a bare fragment: it is given one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const metadata = readMetadata(document);
  // Readability changes the document it reads; the metadata is taken first.
  const article = new Readability(document, { charThreshold: 200, keepClasses: false }).parse();
  // Readability's title drops the " | Outlet" tail of <title>; JSON-LD's headline is better still.
  const siteName = metadata.siteName ?? (article?.siteName?.trim() || null);
  const title = withoutSiteName(metadata.headline ?? (article?.title?.trim() || null) ?? metadata.title, siteName);
  const byline = metadata.byline ?? (article?.byline?.trim() || null);
  const published = metadata.published ?? dayOf(article?.publishedTime ?? null);
  const extracted = article?.content ? cleanText(htmlToText(article.content), byline) : '';
  const text = extracted.length >= Math.min(200, plain.length * 0.3) ? extracted : cleanText(plain, byline);
  return { text, metadata: { title, byline, published, siteName } };
}

type RawMetadata = PageMetadata & { headline: string | null };

/** "Headline | Outlet" → "Headline": the outlet is the article's, not part of its title. */
function withoutSiteName(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+[|–—]\s+|\s+-\s+/);
  const last = parts.at(-1) ?? '';
  const isSite = siteName ? comparable(last) === comparable(siteName) : title.includes(' | ');
  return parts.length > 1 && isSite ? title.slice(0, title.length - last.length).replace(/\s+[|–—-]\s*$/, '') : title;
}

/** Furniture lines and the byline are dropped. */
function cleanText(text: string, byline: string | null): string {
  const bylineKey = byline ? comparable(byline) : null;
  return text
    .split('\n\n')
    .filter((block) => {
      const line = block.trim();
      if (FURNITURE.test(line)) return false;
      if (bylineKey && (comparable(line) === bylineKey || comparable(line) === comparable(`By ${byline}`)))
        return false;
      return !/^by [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,4}(?:,? (?:and|&) [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,4})?$/u.test(
        line,
      );
    })
    .join('\n\n');
}

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const element =
      document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`);
    const value = element?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

type JsonLdArticle = { headline?: unknown; datePublished?: unknown; author?: unknown; publisher?: unknown };

const NEWS_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting)$/;

/** The first NewsArticle (or Article) in the page's JSON-LD, in a graph or a list. */
function jsonLdArticle(document: Doc): JsonLdArticle | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 100; i += 1) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...(item as unknown[]));
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const type = record['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && NEWS_TYPES.test(t))) return record;
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return null;
}

const nameOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string')
    return ((value as { name: string }).name || '').trim() || null;
  return null;
};

/** The day of a timestamp as the page wrote it (its own calendar day, not converted to UTC). */
function dayOf(value: string | null | undefined): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '')?.[1];
  return day && isIsoDay(day) ? day : null;
}

function readMetadata(document: Doc): RawMetadata {
  const ld = jsonLdArticle(document);
  const timeElement = document.querySelector('article time[datetime], time[datetime]');
  return {
    headline: nameOf(ld?.headline),
    title: meta(document, 'og:title', 'twitter:title'),
    byline: nameOf(ld?.author) ?? meta(document, 'author', 'article:author'),
    published:
      dayOf(typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
      dayOf(meta(document, 'article:published_time', 'datePublished', 'pubdate')) ??
      dayOf(timeElement?.getAttribute('datetime')),
    siteName: meta(document, 'og:site_name') ?? nameOf(ld?.publisher),
  };
}
