import { queryOptions } from '@tanstack/react-query';
import { articleSchema } from '@/domain/schemas/article';
import { getJson } from '@/lib/api/get-json';

export const articleQueries = {
  all: () => ['articles'] as const,
  detail: (articleId: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), articleId] as const,
      queryFn: ({ signal }) => getJson(`/api/articles/${encodeURIComponent(articleId)}`, articleSchema, signal),
      // Article text does not change once stored.
      staleTime: Infinity,
    }),
};
