import { queryOptions } from '@tanstack/react-query';
import { articleReviewSchema, articleSchema } from '@/domain/schemas';
import { getJson } from '@/lib/api/get-json';

export const coverageQueries = {
  all: () => ['coverage'] as const,
  /** A new article's analysis and the suggestions still open for review. */
  review: (articleId: string) =>
    queryOptions({
      queryKey: [...coverageQueries.all(), 'review', articleId] as const,
      queryFn: ({ signal }) =>
        getJson(`/api/articles/${encodeURIComponent(articleId)}/suggestions`, articleReviewSchema, signal),
    }),
  /** The new article's text, for wording a new claim from one of its sentences. */
  article: (articleId: string) =>
    queryOptions({
      queryKey: [...coverageQueries.all(), 'article', articleId] as const,
      queryFn: ({ signal }) => getJson(`/api/articles/${encodeURIComponent(articleId)}`, articleSchema, signal),
      staleTime: Infinity,
    }),
};
