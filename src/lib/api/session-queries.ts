import { queryOptions } from '@tanstack/react-query';
import { sessionStateSchema } from '@/domain/schemas';
import { getJson } from './get-json';

/** Who is signed in: read by the header, the verdict editor, and whatever may change data. */
export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: ['session'] as const,
      queryFn: ({ signal }) => getJson('/api/session', sessionStateSchema, signal),
      staleTime: 60_000,
    }),
};
