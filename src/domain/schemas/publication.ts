import * as z from 'zod/mini';
import { idSchema, isoDateTimeSchema } from './primitives';

/** Whether a verdict is out for readers: never published, published, or withdrawn after publishing. */
export const PUBLICATION_STATES = ['unpublished', 'published', 'withdrawn'] as const;
export const publicationStateSchema = z.enum(PUBLICATION_STATES);
export type PublicationState = z.infer<typeof publicationStateSchema>;

/**
 * A verdict's publication, versioned apart from the verdict (its own ETag): a claim that was
 * never published reads as `unpublished` at version 1.
 */
export const publicationSchema = z.object({
  claim: idSchema,
  story: idSchema,
  state: publicationStateSchema,
  version: z.int().check(z.positive()),
  /** Who published or withdrew it last, and when. */
  editor: z.nullable(z.string()),
  at: z.nullable(isoDateTimeSchema),
  /** The verdict version that was current when it was last published or withdrawn. */
  verdictVersion: z.nullable(z.int().check(z.positive())),
  /** When it was first published: the review's datePublished. */
  firstPublishedAt: z.nullable(isoDateTimeSchema),
});
export type Publication = z.infer<typeof publicationSchema>;

/** The body of PUT /api/claims/:id/publication. */
export const publicationPatchSchema = z.strictObject({
  state: z.enum(['published', 'withdrawn']),
});
export type PublicationPatch = z.infer<typeof publicationPatchSchema>;

/** One publication or withdrawal, as its history lists it. */
export const publicationEntrySchema = z.object({
  id: z.int().check(z.positive()),
  claim: idSchema,
  story: idSchema,
  version: z.int().check(z.positive()),
  editor: z.string(),
  at: isoDateTimeSchema,
  from: publicationStateSchema,
  to: publicationStateSchema,
  verdictVersion: z.int().check(z.positive()),
});
export type PublicationEntry = z.infer<typeof publicationEntrySchema>;

/** What GET /api/changes sends when a verdict is published or withdrawn. */
export const publicationChangeEventSchema = z.object({
  claim: idSchema,
  story: idSchema,
  version: z.int().check(z.positive()),
  publication: publicationSchema,
});
export type PublicationChangeEvent = z.infer<typeof publicationChangeEventSchema>;

export const unpublished = (claim: string, story: string): Publication => ({
  claim,
  story,
  state: 'unpublished',
  version: 1,
  editor: null,
  at: null,
  verdictVersion: null,
  firstPublishedAt: null,
});
