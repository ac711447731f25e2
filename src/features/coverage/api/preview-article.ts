import { articlePreviewSchema, type ArticlePreview, type ArticlePreviewRequest } from '@/domain/schemas';
import { fetchJson } from '@/lib/api/request-core';

/** What an article would be added with (title, byline, day), read by the server before the editor confirms. */
export function previewArticle(request: ArticlePreviewRequest): Promise<ArticlePreview> {
  return fetchJson(
    '/api/article-previews',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'include',
      body: JSON.stringify(request),
    },
    articlePreviewSchema,
  );
}
