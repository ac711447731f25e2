import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { publicationSchema, type Publication, type PublicationPatch } from '@/domain/schemas';
import { ApiError } from '@/lib/api/api-error';
import { putPublicationInCache } from '@/lib/api/publication-queries';
import { sendJson } from '@/lib/api/send-json';
import { sessionQueries } from '@/lib/api/session-queries';

const staleBodySchema = z.object({ publication: publicationSchema });

/** The publication a 412 carries: as another editor left it. */
export function stalePublicationOf(error: unknown): Publication | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const body = staleBodySchema.safeParse(error.body);
  return body.success ? body.data.publication : null;
}

/** Publishes or withdraws a verdict, based on the publication version the editor saw. */
export function usePublishVerdict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ publication, state }: { publication: Publication; state: PublicationPatch['state'] }) =>
      sendJson(
        `/api/claims/${encodeURIComponent(publication.claim)}/publication`,
        { method: 'PUT', headers: { 'If-Match': `"${publication.version}"` }, body: { state } },
        publicationSchema,
      ),
    onSuccess: (saved) => putPublicationInCache(client, saved),
    onError: (error) => {
      const current = stalePublicationOf(error);
      if (current) putPublicationInCache(client, current);
      if (error instanceof ApiError && error.status === 401) {
        void client.invalidateQueries({ queryKey: sessionQueries.current().queryKey });
      }
    },
  });
}
