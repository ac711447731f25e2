import * as z from 'zod/mini';
import { stripBidiControls } from '../bidi-controls';
import { articleMetaSchema } from './article';
import { attributionStepSchema, stanceSchema } from './mention';
import { outletSchema } from './outlet';
import { charRangeSchema, idSchema, isoDateSchema } from './primitives';

/** Uploads are checked for size again on the server after decoding; this bounds the request. */
export const MAX_ARTICLE_REQUEST_CHARS = 3_000_000;

/**
 * POST /api/stories/:story/articles: a pasted text, or a file's bytes in base64 (so that a
 * binary or mis-encoded file is recognized as such, not silently mangled).
 */
export const addArticleRequestSchema = z
  .strictObject({
    content: z.optional(z.string().check(z.maxLength(MAX_ARTICLE_REQUEST_CHARS, 'is too large'))),
    contentBase64: z.optional(z.string().check(z.maxLength(MAX_ARTICLE_REQUEST_CHARS, 'is too large'))),
    fileName: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
    outlet: z
      .string()
      .check(
        z.overwrite(stripBidiControls),
        z.trim(),
        z.minLength(1, 'name the outlet'),
        z.maxLength(200, 'is too long'),
      ),
    /** The editor confirms that the outlet is new, not one of the known ones written otherwise. */
    createOutlet: z.optional(z.boolean()),
    published: isoDateSchema,
    url: z.optional(z.nullable(z.httpUrl('must be an http or https address'))),
    title: z.optional(
      z.string().check(z.overwrite(stripBidiControls), z.maxLength(300, 'must be at most 300 characters')),
    ),
  })
  .check(
    z.refine((body) => (body.content === undefined) !== (body.contentBase64 === undefined), {
      message: 'send the article as content or as contentBase64 (one of them)',
      path: ['content'],
    }),
  );
export type AddArticleRequest = z.infer<typeof addArticleRequestSchema>;

export const stanceProposalSchema = z.object({
  stance: z.nullable(stanceSchema),
  cue: z.nullable(z.string()),
});

/** A sentence of a new article that probably carries an existing claim. */
export const claimSuggestionSchema = z.object({
  claim: idSchema,
  sentence: z.int(),
  range: charRangeSchema,
  text: z.string(),
  score: z.number(),
  /** Why the sentence was matched to the claim, in plain words. */
  reasons: z.array(z.string()),
  proposal: stanceProposalSchema,
});
export type ClaimSuggestionData = z.infer<typeof claimSuggestionSchema>;

const phraseSchema = z.object({ range: charRangeSchema, text: z.string() });

/** What the normalization found in a new article, shown to the editor beside its text. */
export const articleAnalysisSchema = z.object({
  format: z.enum(['text', 'markdown', 'html']),
  quotations: z.array(charRangeSchema),
  attributions: z.array(
    z.object({
      kind: z.enum(['according-to', 'told', 'said', 'unnamed-source']),
      range: charRangeSchema,
      source: z.string(),
      recipient: z.nullable(z.string()),
    }),
  ),
  names: z.array(z.extend(phraseSchema, { kind: z.enum(['actor', 'outlet']), id: idSchema })),
  dates: z.array(
    z.object({
      range: charRangeSchema,
      phrase: z.string(),
      date: z.object({
        precision: z.enum(['day', 'range']),
        start: isoDateSchema,
        end: isoDateSchema,
        reading: z.string(),
        ambiguous: z.boolean(),
      }),
    }),
  ),
  /** What an HTML page says about itself, kept beside the story it was reduced to. */
  page: z.optional(
    z.object({
      title: z.nullable(z.string()),
      byline: z.nullable(z.string()),
      published: z.nullable(isoDateSchema),
      siteName: z.nullable(z.string()),
    }),
  ),
});
export type ArticleAnalysisData = z.infer<typeof articleAnalysisSchema>;

/** The answer to adding an article, and to asking again for its suggestions. */
export const articleReviewSchema = z.object({
  article: articleMetaSchema,
  newOutlet: z.nullable(outletSchema),
  analysis: articleAnalysisSchema,
  /**
   * Sentence by sentence in article order, best first within a sentence; claims already
   * mentioned in the article or rejected for a sentence are left out.
   */
  suggestions: z.array(claimSuggestionSchema),
});
export type ArticleReview = z.infer<typeof articleReviewSchema>;

/** POST /api/stories/:story/mentions: an editor's decision that a sentence carries a claim. */
export const addMentionRequestSchema = z.strictObject({
  claim: idSchema,
  article: idSchema,
  stance: stanceSchema,
  /** From the original source to the publishing outlet; the outlet alone when left out. */
  attribution: z.optional(z.array(attributionStepSchema).check(z.minLength(1), z.maxLength(8))),
  range: charRangeSchema,
});
export type AddMentionRequest = z.infer<typeof addMentionRequestSchema>;

/** POST /api/stories/:story/claims: a new claim, e.g. from a sentence no existing claim fits. */
export const addClaimRequestSchema = z.strictObject({
  text: z
    .string()
    .check(
      z.overwrite(stripBidiControls),
      z.trim(),
      z.minLength(1, 'write the claim'),
      z.maxLength(1000, 'is too long'),
    ),
  topic: z
    .string()
    .check(z.overwrite(stripBidiControls), z.trim(), z.minLength(1, 'name a topic'), z.maxLength(100, 'is too long')),
});
export type AddClaimRequest = z.infer<typeof addClaimRequestSchema>;

/** POST /api/articles/:article/rejections: this sentence does not carry this claim. */
export const rejectSuggestionRequestSchema = z.strictObject({
  claim: idSchema,
  sentenceStart: z.int().check(z.nonnegative()),
});
export type RejectSuggestionRequest = z.infer<typeof rejectSuggestionRequestSchema>;

/**
 * What GET /api/changes sends when coverage changes: an article, mention, claim or source was
 * added or changed. A mention's names the claim and article it is (or was) of, so that a page
 * refetches only the evidence it is in.
 */
export const coverageChangeEventSchema = z.object({
  story: idSchema,
  kind: z.enum(['article', 'mention', 'claim', 'actor']),
  id: idSchema,
  claim: z.optional(idSchema),
  article: z.optional(idSchema),
});
export type CoverageChangeEvent = z.infer<typeof coverageChangeEventSchema>;
