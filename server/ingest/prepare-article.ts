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
import { findDatePhrases, type DatePhrase } from '@/domain/ingest/date-phrases';
import { decodeInput, fingerprintText, type InputFormat } from '@/domain/ingest/decode-input';
import { createNameMatcher, type NameMatch, type NameMatcher } from '@/domain/ingest/known-names';
import { markdownToText } from '@/domain/ingest/markdown-to-text';
import { findQuotations } from '@/domain/ingest/quotations';
import type { CharRange } from '@/domain/schemas';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';
import { htmlToText, NestedTooDeeplyError } from './html-to-text';

export type IngestInput = {
  /** The raw file or pasted text. */
  content: Uint8Array;
  fileName?: string;
  /** The outlet by id, name or alias; an unknown name creates the outlet. */
  outlet: string;
  published: string;
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

export function createIngestContext(sources: IngestSources): IngestContext {
  const fingerprints = new Map<string, string>();
  const background: string[] = [];
  for (const [articleId, body] of sources.bodies) {
    fingerprints.set(fingerprintText(body), articleId);
    for (const [start, end] of splitSentences(body)) background.push(body.slice(start, end));
  }
  const evidence = new Map<string, string[]>();
  for (const mention of sources.story.mentions) {
    const quotes = evidence.get(mention.claim) ?? [];
    quotes.push(...mention.spans.map((span) => span.exact));
    evidence.set(mention.claim, quotes);
  }
  const claimQueries = prepareClaimQueries(
    sources.story.claims.map((claim) => ({ id: claim.id, text: claim.text, evidence: evidence.get(claim.id) ?? [] })),
  );
  return {
    ...sources,
    fingerprints,
    background: new TermStatistics(background),
    claimQueries,
    matchNames: createNameMatcher(sources.actors, sources.outlets),
  };
}

export type ArticleAnalysis = {
  format: InputFormat;
  quotations: CharRange[];
  attributions: AttributionPhrase[];
  names: NameMatch[];
  /** Relative date phrases, resolved against the publication date with the timeline's resolver. */
  dates: DatePhrase[];
};

export type PreparedArticle = {
  article: Article;
  /** Set when the outlet was not known and will be created with the article. */
  newOutlet: Outlet | null;
  analysis: ArticleAnalysis;
  /** Per existing claim (in story order), the sentences that most likely carry it. */
  suggestions: ClaimSuggestion[][];
};

/**
 * Why an article was not added. `nested_too_deeply` and `too_long_to_analyse` refuse hostile
 * or pathological files (422); `busy` means the analysis queue is full (503, try again).
 */
export type IngestProblem = {
  code: 'invalid_input' | 'duplicate' | 'nested_too_deeply' | 'too_long_to_analyse' | 'busy';
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
  let body: string;
  try {
    body = toPlainText(decoded.text, decoded.format);
  } catch (error) {
    if (!(error instanceof NestedTooDeeplyError)) throw error;
    return { ok: false, problem: { code: 'nested_too_deeply', field: 'content', message: error.message } };
  }
  if (body.trim() === '') return invalid('content', `the ${decoded.format} input has no article text`);

  const fingerprint = fingerprintText(body);
  const duplicateOf = context.fingerprints.get(fingerprint);
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

  if (!isIsoDay(input.published)) {
    return invalid('published', `"${input.published}" is not a date (YYYY-MM-DD)`);
  }
  const outlet = resolveOutlet(input.outlet, context.outlets);
  if (!outlet) return invalid('outlet', 'an outlet name is required');
  const paragraphs = splitParagraphs(body);
  const sentences = splitSentences(body, paragraphs);
  const article: Article = {
    id: articleIdFor(outlet.id, input.published, fingerprint),
    story: context.story.story.id,
    outlet: outlet.id,
    title:
      stripBidiControls(input.title ?? '').trim() ||
      stripBidiControls(deriveTitle(body, paragraphs)).trim() ||
      'Untitled article',
    published: { date: input.published, basis: 'Given when the article was added.' },
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
      analysis,
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
  return {
    ...context,
    fingerprints: new Map(context.fingerprints).set(fingerprint, article.id),
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
): { analysis: ArticleAnalysis; suggestions: ClaimSuggestion[][] } {
  const { body, sentences } = article;
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
      names: context.matchNames(body),
      dates: findDatePhrases(body, article.published.date),
    },
    suggestions: suggestClaims(body, sentences, context.claimQueries, context.background),
  };
}

function toPlainText(text: string, format: InputFormat): string {
  if (format === 'html') return htmlToText(text);
  if (format === 'markdown') return markdownToText(text);
  return text.trim();
}

const comparable = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');

/** A known outlet by id, name or alias; otherwise a new one under that name. */
export function resolveOutlet(name: string, outlets: readonly Outlet[]): Outlet | null {
  const given = stripBidiControls(name);
  const wanted = comparable(given);
  if (wanted === '') return null;
  const known = outlets.find(
    (o) => o.id === given.trim() || [o.name, ...o.aliases].some((name) => comparable(name) === wanted),
  );
  return known ?? { id: slugify(given), name: given.trim(), aliases: [], kind: 'online', url: null };
}

/** A headline-like first paragraph (short, no final stop), else the first sentence shortened. */
function deriveTitle(body: string, paragraphs: CharRange[]): string {
  const first = paragraphs[0] ? body.slice(...paragraphs[0]) : body;
  if (first.length <= 160 && !/[.!?]["”’]?$/.test(first)) return first;
  const sentence = splitSentences(first)[0];
  const text = sentence ? first.slice(...sentence) : first;
  return text.length <= 120 ? text : `${text.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

function invalid(field: string, message: string): IngestResult {
  return { ok: false, problem: { code: 'invalid_input', field, message } };
}
