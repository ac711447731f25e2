import { queryOptions } from '@tanstack/react-query';
import { articleVersionSchema, articleVersionsResponseSchema } from '@/domain/schemas/article-version';
import { getJson } from '@/lib/api/get-json';

const path = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}/versions`;

/** An article's versions, the evidence each changed, and any one version's text. */
export const articleVersionQueries = {
  all: (articleId: string) => ['article-versions', articleId] as const,
  list: (articleId: string) =>
    queryOptions({
      queryKey: [...articleVersionQueries.all(articleId), 'list'] as const,
      queryFn: ({ signal }) => getJson(path(articleId), articleVersionsResponseSchema, signal),
    }),
  version: (articleId: string, version: number) =>
    queryOptions({
      queryKey: [...articleVersionQueries.all(articleId), version] as const,
      queryFn: ({ signal }) => getJson(`${path(articleId)}/${version}`, articleVersionSchema, signal),
      // A stored version never changes.
      staleTime: Infinity,
    }),
};
