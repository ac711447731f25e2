import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { publicationSchema, type Publication } from '@/domain/schemas';
import { getJson } from './get-json';

/** Whether a claim's verdict is published: its own resource, with its own version. */
export const publicationQueries = {
  all: () => ['publications'] as const,
  of: (claimId: string) =>
    queryOptions({
      queryKey: [...publicationQueries.all(), claimId] as const,
      queryFn: ({ signal }) =>
        getJson(`/api/claims/${encodeURIComponent(claimId)}/publication`, publicationSchema, signal),
    }),
};

/** Puts a publication into the cache unless the cache holds a newer version. */
export function putPublicationInCache(client: QueryClient, publication: Publication) {
  client.setQueryData<Publication>(publicationQueries.of(publication.claim).queryKey, (cached) =>
    cached && cached.version > publication.version ? cached : publication,
  );
}
