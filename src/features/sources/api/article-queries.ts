import { queryOptions } from '@tanstack/react-query';
import { articleSchema } from '@/domain/schemas/article';
import { getJson } from '@/lib/api/get-json';

export const articleQueries = {
  all: () => ['articles'] as const,
  /** The article's text as of a version (1 unless it was updated): a new version is a new query. */
  detail: (articleId: string, textVersion = 1) =>
    queryOptions({
      queryKey: [...articleQueries.all(), articleId, textVersion] as const,
      queryFn: ({ signal }) => getJson(`/api/articles/${encodeURIComponent(articleId)}`, articleSchema, signal),
      // One version's text does not change once stored.
      staleTime: Infinity,
    }),
};
