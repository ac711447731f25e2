import * as z from 'zod/mini';
import { stripBidiControls } from '../bidi-controls';
import { pageUrlSchema } from './article-url';
import { MAX_ARTICLE_REQUEST_CHARS } from './coverage';
import { idSchema, isoDateTimeSchema, nonEmptyString } from './primitives';
import { spanAnchorSchema } from './span';

/**
 * POST /api/articles/:article/versions: the article's new text, in the forms an article is
 * added in (pasted text, or a file's bytes in base64), or the address of the page to fetch
 * again. Outlet and publication date stay.
 */
export const addArticleVersionRequestSchema = z
  .strictObject({
    content: z.optional(z.string().check(z.maxLength(MAX_ARTICLE_REQUEST_CHARS, 'is too large'))),
    contentBase64: z.optional(z.string().check(z.maxLength(MAX_ARTICLE_REQUEST_CHARS, 'is too large'))),
    /** The page to fetch again (usually the article's own address) for its current text. */
    url: z.optional(pageUrlSchema),
    fileName: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
    /** The new headline; the current one stays when left out. */
    title: z.optional(
      z.string().check(z.overwrite(stripBidiControls), z.maxLength(300, 'must be at most 300 characters')),
    ),
  })
  .check(
    z.refine((body) => [body.content, body.contentBase64, body.url].filter((form) => form !== undefined).length === 1, {
      message: 'send the new text as content, as contentBase64 or as the url to fetch it from (one of them)',
      path: ['content'],
    }),
  );
export type AddArticleVersionRequest = z.infer<typeof addArticleVersionRequestSchema>;

export const spanOutcomeCountsSchema = z.object({
  kept: z.int(),
  changed: z.int(),
  unanchored: z.int(),
});
export type SpanOutcomeCounts = z.infer<typeof spanOutcomeCountsSchema>;

/** One version of an article, as its history lists it; version 1 is the text first stored. */
export const articleVersionSummarySchema = z.object({
  article: idSchema,
  version: z.int().check(z.positive()),
  title: nonEmptyString,
  /** Who stored it and when; null for the first version, stored with the article. */
  editor: z.nullable(z.string()),
  at: z.nullable(isoDateTimeSchema),
  characters: z.int(),
  /** How the evidence spans fared when this version arrived (all kept for version 1). */
  spans: spanOutcomeCountsSchema,
});
export type ArticleVersionSummary = z.infer<typeof articleVersionSummarySchema>;

export const articleVersionSchema = z.extend(articleVersionSummarySchema, { body: nonEmptyString });
export type ArticleVersion = z.infer<typeof articleVersionSchema>;

/** An evidence span that a new version changed or left without a place. */
export const spanChangeSchema = z.object({
  article: idSchema,
  /** The version whose arrival changed the span. */
  version: z.int().check(z.positive()),
  mention: idSchema,
  claim: idSchema,
  status: z.enum(['changed', 'unanchored']),
  before: spanAnchorSchema,
  /** Where and what the span is in the new version; null when it was not found. */
  after: z.nullable(spanAnchorSchema),
});
export type SpanChange = z.infer<typeof spanChangeSchema>;

/** GET /api/articles/:article/versions (its ETag is the current version). */
export const articleVersionsResponseSchema = z.object({
  article: idSchema,
  current: z.int().check(z.positive()),
  versions: z.array(articleVersionSummarySchema),
  /** Every span a version changed or unanchored, oldest first. */
  changes: z.array(spanChangeSchema),
});
export type ArticleVersionsResponse = z.infer<typeof articleVersionsResponseSchema>;

/** The answer to posting a version: the new version and what became of each changed span. */
export const addArticleVersionResponseSchema = z.object({
  version: articleVersionSummarySchema,
  changes: z.array(spanChangeSchema),
  /** Claims whose verdict is now flagged as resting on changed evidence. */
  flaggedClaims: z.array(idSchema),
});
export type AddArticleVersionResponse = z.infer<typeof addArticleVersionResponseSchema>;

/** An article of the bundle that has been updated since it was first stored. */
export const articleUpdateSchema = z.object({
  article: idSchema,
  version: z.int().check(z.positive()),
  at: isoDateTimeSchema,
  unanchored: z.int(),
});
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

export const evidenceChangeKindSchema = z.enum(['changed', 'unanchored', 'coverage']);
export type EvidenceChangeKind = z.infer<typeof evidenceChangeKindSchema>;

/** A claim whose evidence changed, or got new coverage, after its verdict and before an editor reviewed it. */
export const evidenceFlagSchema = z.object({
  claim: idSchema,
  since: isoDateTimeSchema,
  kinds: z.array(evidenceChangeKindSchema),
  /** The mentions concerned. */
  mentions: z.array(idSchema),
});
export type EvidenceFlag = z.infer<typeof evidenceFlagSchema>;
