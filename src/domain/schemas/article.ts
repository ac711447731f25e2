import * as z from 'zod/mini';
import { charRangeSchema, idSchema, isoDateSchema, nonEmptyString, nonNegativeInt } from './primitives';

export const publishedSchema = z.object({
  date: isoDateSchema,
  /** How the date was established, shown to editors beside the date. */
  basis: nonEmptyString,
});
export type Published = z.infer<typeof publishedSchema>;

/**
 * A part of the text that is page furniture, not reporting: a photo caption, a pull-quote that
 * repeats a sentence of the body. It is shown muted, is never evidence and is never a shared
 * passage. The text file stays as received; furniture is marked by its range.
 */
export const furnitureSchema = z.object({
  kind: z.enum(['caption', 'pull-quote', 'credit']),
  start: nonNegativeInt,
  end: z.int().check(z.positive()),
  /** Why the range is furniture, shown to editors. */
  note: nonEmptyString,
});
export type Furniture = z.infer<typeof furnitureSchema>;

export const articleMetaSchema = z.object({
  id: idSchema,
  story: idSchema,
  outlet: idSchema,
  title: nonEmptyString,
  published: publishedSchema,
  source: z.object({
    file: z.nullable(z.string()),
    url: z.nullable(z.httpUrl()),
  }),
  /**
   * How the outlet, title and address were established (a public copy, house style, an
   * inference), shown to editors beside them. Absent: taken from the article as received.
   */
  provenance: z.optional(nonEmptyString),
  /** Absent: none. */
  furniture: z.optional(z.array(furnitureSchema)),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleSchema = z.extend(articleMetaSchema, {
  body: nonEmptyString,
  paragraphs: z.array(charRangeSchema),
  sentences: z.array(charRangeSchema),
});
export type Article = z.infer<typeof articleSchema>;
