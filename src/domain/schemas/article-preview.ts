import * as z from 'zod/mini';
import { pageUrlSchema } from './article-url';
import { MAX_ARTICLE_REQUEST_CHARS } from './coverage';
import { isoDateSchema } from './primitives';

/**
 * POST /api/article-previews: what an article would be added with (its title, byline and
 * day), read from a page address, a pasted text or a file before the editor confirms.
 * Exactly one of url, content and contentBase64.
 */
export const articlePreviewRequestSchema = z
  .strictObject({
    url: z.optional(pageUrlSchema),
    content: z.optional(z.string().check(z.maxLength(MAX_ARTICLE_REQUEST_CHARS, 'is too large'))),
    contentBase64: z.optional(z.string().check(z.maxLength(MAX_ARTICLE_REQUEST_CHARS, 'is too large'))),
    fileName: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
  })
  .check(
    z.refine(
      (body) => [body.url, body.content, body.contentBase64].filter((given) => given !== undefined).length === 1,
      { message: 'send one of url, content and contentBase64', path: ['content'] },
    ),
  );
export type ArticlePreviewRequest = z.infer<typeof articlePreviewRequestSchema>;

export const articlePreviewSchema = z.object({
  format: z.enum(['text', 'markdown', 'html']),
  /** The title the article gets when the editor leaves the field as it is. */
  title: z.string(),
  byline: z.nullable(z.string()),
  /** The publication day the document states, if it does. */
  published: z.nullable(isoDateSchema),
  siteName: z.nullable(z.string()),
  /** The page's address after redirects, for a fetched page. */
  url: z.nullable(z.string()),
});
export type ArticlePreview = z.infer<typeof articlePreviewSchema>;
