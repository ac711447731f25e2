import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { articleRecordSchema, type ArticlePatch } from '@/domain/schemas';
import { getJson } from './get-json';
import { sendJson } from './send-json';
import { storyQueries } from './story-queries';

/** An article's metadata with its version (the ETag an edit names) and whether it is removed. */
export const articleRecordQueries = {
  record: (articleId: string) =>
    queryOptions({
      queryKey: ['articles', articleId, 'record'] as const,
      queryFn: ({ signal }) =>
        getJson(`/api/articles/${encodeURIComponent(articleId)}/record`, articleRecordSchema, signal),
    }),
};

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** Correcting an article's metadata, removing it and bringing it back. */
export function useArticleActions() {
  const client = useQueryClient();
  const refresh = (articleId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: storyQueries.all() }),
      client.invalidateQueries({ queryKey: articleRecordQueries.record(articleId).queryKey }),
    ]);
  const path = (id: string) => `/api/articles/${encodeURIComponent(id)}`;
  const edit = useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: ArticlePatch }) =>
      sendJson(path(id), { method: 'PATCH', body, headers: ifMatch(version) }, articleRecordSchema),
    onSuccess: (record) => refresh(record.id),
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      sendJson(path(id), { method: 'DELETE', headers: ifMatch(version) }, articleRecordSchema),
    onSuccess: (record) => refresh(record.id),
  });
  const restore = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      sendJson(`${path(id)}/restore`, { method: 'POST', headers: ifMatch(version) }, articleRecordSchema),
    onSuccess: (record) => refresh(record.id),
  });
  return { edit, remove, restore };
}
