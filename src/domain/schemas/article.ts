import * as z from 'zod/mini';
import { charRangeSchema, idSchema, isoDateSchema, nonEmptyString } from './primitives';

export const publishedSchema = z.object({
  date: isoDateSchema,
  /** How the date was established, shown to editors beside the date. */
  basis: nonEmptyString,
});
export type Published = z.infer<typeof publishedSchema>;

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
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleSchema = z.extend(articleMetaSchema, {
  body: nonEmptyString,
  paragraphs: z.array(charRangeSchema),
  sentences: z.array(charRangeSchema),
});
export type Article = z.infer<typeof articleSchema>;
