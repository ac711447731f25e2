import { Hono } from 'hono';
import { articlePreviewRequestSchema, type ArticlePreview } from '@/domain/schemas';
import { pageFileName, FETCH_REFUSAL_STATUS } from './article-url-routes';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { requireEditor } from './require-role';
import { jsonBody } from './validators';

/**
 * What an article would be added with, before the editor confirms: the page at an address
 * (fetched with the same checks as adding by address) or a pasted text or file, read by the
 * ingest's own extraction (Readability for pages, the Markdown parser, the same title rule).
 * Nothing is stored and no claim is matched.
 */
export function articlePreviewRoutes(deps: ApiDeps) {
  const { analyser, pageFetcher } = deps;
  const routes = new Hono<ApiEnv>();

  routes.post(
    '/article-previews',
    requireEditor(deps, 'add articles'),
    jsonBody(articlePreviewRequestSchema),
    async (c) => {
      const { url, content, contentBase64, fileName } = c.req.valid('json');
      let bytes: Uint8Array;
      let name = fileName;
      let pageUrl: string | null = null;
      if (url !== undefined) {
        const fetched = await pageFetcher(url);
        if (!fetched.ok) {
          const { code, message } = fetched.refusal;
          return jsonError(c, FETCH_REFUSAL_STATUS[code], code, `url: ${message}`, 'url');
        }
        bytes = fetched.page.content;
        name = pageFileName(fetched.page.contentType);
        pageUrl = fetched.page.url;
      } else {
        bytes = contentBase64 !== undefined ? Buffer.from(contentBase64, 'base64') : new TextEncoder().encode(content);
      }
      const answer = await analyser.preview({ content: bytes, ...(name ? { fileName: name } : {}) });
      if (!answer.ok) {
        const { code, message, field } = answer.problem;
        const status = code === 'busy' ? 503 : 422;
        return jsonError(c, status, code, message, url !== undefined && field === 'content' ? 'url' : field);
      }
      const preview: ArticlePreview = { ...answer.preview, url: pageUrl };
      return c.json(preview);
    },
  );

  return routes;
}
