import { stripBidiControls } from '@/domain/bidi-controls';
import { isIsoDay } from '@/domain/calendar-days';
import type { Actor, Article, Outlet, StoryBundle } from '@/domain/schemas';
import { articleIdFor, slugify } from '@/domain/ingest/article-id';
import { findAttributionPhrases, type AttributionPhrase } from '@/domain/ingest/attribution-phrases';
import { TermStatistics } from '@/domain/ingest/bm25';
import {
  prepareClaimQueries,
  suggestClaims,
  type ClaimSuggestion,
  type PreparedClaimQuery,
} from '@/domain/ingest/claim-suggestions';
import { claimQueriesOf } from '@/domain/ingest/claim-queries';
import { findDatePhrases, type DatePhrase } from '@/domain/ingest/date-phrases';
import { decodeInput, fingerprintText, type InputFormat } from '@/domain/ingest/decode-input';
import { createNameMatcher, type NameMatch, type NameMatcher } from '@/domain/ingest/known-names';
import { readMarkdown } from '@/domain/ingest/markdown-to-text';
import { matchOutlet } from '@/domain/ingest/outlet-names';
import { datelineLength, sentencesWithoutDatelines } from '@/domain/ingest/datelines';
import { findQuotations } from '@/domain/ingest/quotations';
import type { CharRange } from '@/domain/schemas';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';
import { extractPage, type PageMetadata } from './extract-page';
import { NestedTooDeeplyError } from './html-to-text';

export type IngestInput = {
  /** The raw file or pasted text. */
  content: Uint8Array;
  fileName?: string;
  /** The outlet by id, name or alias, written in any case or punctuation. */
  outlet: string;
  /**
   * The editor confirms that an outlet no known one matches is new: without it, an unknown
   * or merely similar name is refused with the closest known outlet proposed.
   */
  createOutlet?: boolean;
  /** YYYY-MM-DD; left out only for a page that states its own publication day. */
  published?: string;
  url: string | null;
  title?: string;
};

export type IngestSources = {
  story: StoryBundle;
  /** Bodies of the story's articles, for duplicate checks and word weights. */
  bodies: ReadonlyMap<string, string>;
  outlets: readonly Outlet[];
  actors: readonly Actor[];
};

/** What every article added to a story is compared with, worked out once for a batch. */
export type IngestContext = IngestSources & {
  fingerprints: ReadonlyMap<string, string>;
  background: TermStatistics;
  claimQueries: readonly PreparedClaimQuery[];
  matchNames: NameMatcher;
};

/**
 * The keys an article's text is known by for duplicates: its whole text, and its text without
 * the first paragraph (a copy of the story may come with or without its headline).
 */
export function duplicateKeys(body: string): string[] {
  const whole = fingerprintText(body);
  const cut = body.indexOf('\n\n');
  const withoutHeadline = cut > 0 ? fingerprintText(body.slice(cut)) : '';
  return withoutHeadline.length > 200 ? [whole, withoutHeadline] : [whole];
}

export function createIngestContext(sources: IngestSources): IngestContext {
  const fingerprints = new Map<string, string>();
  const background: string[] = [];
  for (const [articleId, body] of sources.bodies) {
    for (const key of duplicateKeys(body)) fingerprints.set(key, articleId);
    for (const [start, end] of splitSentences(body)) background.push(body.slice(start, end));
  }
  const matchNames = createNameMatcher(sources.actors, sources.outlets);
  const claimQueries = prepareClaimQueries(claimQueriesOf(sources.story), matchNames);
  return {
    ...sources,
    fingerprints,
    background: new TermStatistics(background),
    claimQueries,
    matchNames,
  };
}

export type ArticleAnalysis = {
  format: InputFormat;
  quotations: CharRange[];
  attributions: AttributionPhrase[];
  names: NameMatch[];
  /** Relative date phrases, resolved against the publication date with the timeline's resolver. */
  dates: DatePhrase[];
  /** What an HTML page says about itself (headline, byline, publication day, outlet), when it is one. */
  page?: PageMetadata;
};

export type PreparedArticle = {
  article: Article;
  /** Set when the outlet was not known and will be created with the article. */
  newOutlet: Outlet | null;
  analysis: ArticleAnalysis;
  /** In article order, per sentence the existing claims it most likely carries, best first. */
  suggestions: ClaimSuggestion[];
};

/**
 * Why an article was not added. `nested_too_deeply` and `too_long_to_analyse` refuse hostile
 * or pathological files (422); `busy` means the analysis queue is full (503, try again).
 */
export type IngestProblem = {
  code: 'invalid_input' | 'duplicate' | 'nested_too_deeply' | 'too_long_to_analyse' | 'busy' | 'unknown_outlet';
  field: string;
  message: string;
};

export type IngestResult =
  { ok: true; prepared: PreparedArticle; fingerprint: string } | { ok: false; problem: IngestProblem };

/**
 * The normalization pipeline that the CLI and the API share: decode, reduce to text,
 * segment, analyse, refuse duplicates, and suggest which sentences carry which claims.
 * Pure apart from parsing HTML; it stores nothing.
 */
export function prepareArticle(input: IngestInput, context: IngestContext): IngestResult {
  const decoded = decodeInput(input.content, input.fileName);
  if (!decoded.ok) return invalid('content', decoded.problem);
  const read = readDocument(decoded.text, decoded.format);
  if (!read.ok) return read;
  const { body, page } = read;

  const fingerprint = fingerprintText(body);
  const duplicateOf = duplicateKeys(body)
    .map((key) => context.fingerprints.get(key))
    .find(Boolean);
  if (duplicateOf) {
    const meta = context.story.articles.find((a) => a.id === duplicateOf);
    return {
      ok: false,
      problem: {
        code: 'duplicate',
        field: 'content',
        message: `this text is already in the story as "${meta?.title ?? duplicateOf}" (${duplicateOf})`,
      },
    };
  }

  const published = input.published ?? page?.published ?? null;
  if (published === null) {
    return invalid('published', 'the page does not say when it was published: give the day (YYYY-MM-DD)');
  }
  if (!isIsoDay(published)) return invalid('published', `"${published}" is not a date (YYYY-MM-DD)`);
  const match = matchOutlet(input.outlet, context.outlets);
  if (!match) return invalid('outlet', 'an outlet name is required');
  if (match.kind !== 'known' && !input.createOutlet) {
    const message =
      match.kind === 'close'
        ? `no outlet is called “${match.name}”: did you mean “${match.outlet.name}” (${match.outlet.id})? Choose it, or confirm “${match.name}” as a new outlet`
        : `“${match.outlet.name}” is not a known outlet: confirm it as a new outlet`;
    return { ok: false, problem: { code: 'unknown_outlet', field: 'outlet', message } };
  }
  const outlet =
    match.kind === 'close'
      ? { id: slugify(match.name), name: match.name, aliases: [], kind: 'online' as const, url: null }
      : match.outlet;
  const paragraphs = splitParagraphs(body);
  const sentences = sentencesWithoutDatelines(body, paragraphs, splitSentences(body, paragraphs));
  const article: Article = {
    id: articleIdFor(outlet.id, published, fingerprint),
    story: context.story.story.id,
    outlet: outlet.id,
    title: stripBidiControls(input.title ?? '').trim() || documentTitle(body, page, paragraphs, sentences),
    published: {
      date: published,
      basis:
        input.published === undefined
          ? 'The publication day the page states (its metadata).'
          : 'Given when the article was added.',
    },
    source: { file: input.fileName ?? null, url: input.url },
    body,
    paragraphs,
    sentences,
  };

  const { analysis, suggestions } = analyseArticle(article, decoded.format, context);
  return {
    ok: true,
    fingerprint,
    prepared: {
      article,
      newOutlet: context.outlets.some((o) => o.id === outlet.id) ? null : outlet,
      analysis: page ? { ...analysis, page } : analysis,
      suggestions,
    },
  };
}

/**
 * The context with a newly stored article in it, so that the next article of a batch is
 * compared with it too (duplicates, and a new outlet's name recognized).
 */
export function withStoredArticle(
  context: IngestContext,
  article: Pick<Article, 'id' | 'body'>,
  fingerprint: string,
  newOutlet: Outlet | null,
): IngestContext {
  const outlets = newOutlet ? [...context.outlets, newOutlet] : context.outlets;
  const fingerprints = new Map(context.fingerprints).set(fingerprint, article.id);
  for (const key of duplicateKeys(article.body)) fingerprints.set(key, article.id);
  return {
    ...context,
    fingerprints,
    bodies: new Map(context.bodies).set(article.id, article.body),
    outlets,
    matchNames: newOutlet ? createNameMatcher(context.actors, outlets) : context.matchNames,
  };
}

/** What the normalization finds in an article's text, and which sentences may carry which claims. */
export function analyseArticle(
  article: Article,
  format: InputFormat,
  context: IngestContext,
): { analysis: ArticleAnalysis; suggestions: ClaimSuggestion[] } {
  const { body, sentences } = article;
  const dates = findDatePhrases(body, article.published.date);
  const names = context.matchNames(body);
  return {
    analysis: {
      format,
      quotations: findQuotations(body),
      attributions: sentences.flatMap(([start, end]) =>
        findAttributionPhrases(body.slice(start, end)).map((phrase) => ({
          ...phrase,
          range: [phrase.range[0] + start, phrase.range[1] + start] as CharRange,
        })),
      ),
      names,
      dates,
    },
    suggestions: suggestClaims(
      { body, sentences, published: article.published.date, dates, names },
      context.claimQueries,
      context.background,
      context.matchNames,
    ),
  };
}

type ReadDocument = { ok: true; body: string; page?: PageMetadata } | { ok: false; problem: IngestProblem };

/**
 * The article text of a decoded input, and what the document says about itself: an HTML
 * page through Readability, Markdown through a CommonMark parser (its front matter and first
 * headline), plain text as it is.
 */
function readDocument(text: string, format: InputFormat): ReadDocument {
  let read: { body: string; page?: PageMetadata };
  try {
    if (format === 'html') {
      const { text: body, metadata } = extractPage(text);
      read = { body, page: metadata };
    } else if (format === 'markdown') {
      const { text: body, metadata } = readMarkdown(text);
      const stated = metadata.title !== null || metadata.byline !== null || metadata.published !== null;
      read = stated ? { body, page: { ...metadata, siteName: null } } : { body };
    } else {
      read = { body: text.trim() };
    }
  } catch (error) {
    if (!(error instanceof NestedTooDeeplyError)) throw error;
    return { ok: false, problem: { code: 'nested_too_deeply', field: 'content', message: error.message } };
  }
  if (read.body.trim() === '') {
    return {
      ok: false,
      problem: { code: 'invalid_input', field: 'content', message: `the ${format} input has no article text` },
    };
  }
  return { ok: true, ...read };
}

/**
 * The title an article is given when the editor gives none: the headline its text opens
 * with (what the page shows, rather than its <title>), else the document's own title, else
 * its first sentence.
 */
function documentTitle(
  body: string,
  page: PageMetadata | undefined,
  paragraphs: CharRange[],
  sentences: CharRange[],
): string {
  const title = [openingHeadline(body, paragraphs), page?.title ?? '', firstSentence(body, paragraphs, sentences)]
    .map((candidate) => stripBidiControls(candidate).trim())
    .find((candidate) => candidate !== '');
  return title ?? 'Untitled article';
}

/** What the add form shows before an article is added: the title, byline and day it would get. */
export type DocumentPreview = {
  format: InputFormat;
  title: string;
  byline: string | null;
  /** YYYY-MM-DD when the document states it. */
  published: string | null;
  siteName: string | null;
};

export type PreviewResult = { ok: true; preview: DocumentPreview } | { ok: false; problem: IngestProblem };

/**
 * Reads a file, pasted text or fetched page as adding it would (same decoding, extraction and
 * title), without a story to compare it with: nothing is matched and nothing stored.
 */
export function previewArticle(content: Uint8Array, fileName?: string): PreviewResult {
  const decoded = decodeInput(content, fileName);
  if (!decoded.ok) return { ok: false, problem: { code: 'invalid_input', field: 'content', message: decoded.problem } };
  const read = readDocument(decoded.text, decoded.format);
  if (!read.ok) return read;
  const { body, page } = read;
  const paragraphs = splitParagraphs(body);
  const sentences = sentencesWithoutDatelines(body, paragraphs, splitSentences(body, paragraphs));
  return {
    ok: true,
    preview: {
      format: decoded.format,
      title: documentTitle(body, page, paragraphs, sentences),
      byline: page?.byline ?? null,
      published: page?.published ?? null,
      siteName: page?.siteName ?? null,
    },
  };
}

/** A known outlet by id, name or alias (in any case or punctuation); otherwise a new one under that name. */
export function resolveOutlet(given: string, outlets: readonly Outlet[]): Outlet | null {
  const match = matchOutlet(stripBidiControls(given), outlets);
  if (!match) return null;
  return match.kind === 'close'
    ? { id: slugify(match.name), name: match.name, aliases: [], kind: 'online', url: null }
    : match.outlet;
}

/** A headline-like first paragraph (short, no final stop); a dateline is never the title. */
function openingHeadline(body: string, paragraphs: CharRange[]): string {
  const first = paragraphs[0] ? body.slice(...paragraphs[0]) : body;
  return first.length <= 160 && !/[.!?]["”’]?$/.test(first) && datelineLength(first) === 0 ? first : '';
}

/** The first sentence, shortened. */
function firstSentence(body: string, paragraphs: CharRange[], sentences: CharRange[]): string {
  const sentence = sentences[0];
  const text = sentence ? body.slice(...sentence) : paragraphs[0] ? body.slice(...paragraphs[0]) : body;
  return text.length <= 120 ? text : `${text.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

function invalid(field: string, message: string): IngestResult {
  return { ok: false, problem: { code: 'invalid_input', field, message } };
}
