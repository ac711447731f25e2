import * as z from 'zod/mini';
import { stripBidiControls } from '../bidi-controls';
import { isoDateSchema } from './primitives';

/**
 * POST /api/stories/:story/articles/from-url: the server fetches the page, keeps it as the
 * archived copy and adds its story. The day may be left out when the page states it.
 */
// Any http(s) address is read here; which hosts may be fetched is the fetcher's decision, with its own errors.
export const pageUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http or https address' })
  .check(z.maxLength(2000, 'is too long'));

export const addArticleFromUrlRequestSchema = z.strictObject({
  url: pageUrlSchema,
  outlet: z
    .string()
    .check(
      z.overwrite(stripBidiControls),
      z.trim(),
      z.minLength(1, 'name the outlet'),
      z.maxLength(200, 'is too long'),
    ),
  createOutlet: z.optional(z.boolean()),
  published: z.optional(isoDateSchema),
  title: z.optional(
    z.string().check(z.overwrite(stripBidiControls), z.maxLength(300, 'must be at most 300 characters')),
  ),
});
export type AddArticleFromUrlRequest = z.infer<typeof addArticleFromUrlRequestSchema>;

/** GET /api/articles/:article/archive: the page an article was fetched from, as received. */
export const articleArchiveSchema = z.object({
  article: z.string(),
  url: z.string(),
  fetchedAt: z.string(),
  contentType: z.string(),
  content: z.string(),
});
export type ArticleArchiveData = z.infer<typeof articleArchiveSchema>;
