import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { articleRecordSchema, type ArticlePatch, type ArticleRecord } from '@/domain/schemas';
import { getJson } from './get-json';
import { sendJson } from './send-json';
import { overviewReadsOf, storyReadsOf } from './story-part-queries';
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

/**
 * Correcting an article's metadata, removing it and bringing it back. Its metadata is in the
 * story's overview; a removal or a return also changes the shared passages of the other
 * articles, so the story's evidence is refetched too.
 */
export function useArticleActions() {
  const client = useQueryClient();
  const refresh = (record: ArticleRecord, evidence: boolean) =>
    Promise.all([
      client.invalidateQueries(evidence ? storyReadsOf(record.story) : overviewReadsOf(record.story)),
      client.invalidateQueries({ queryKey: storyQueries.list().queryKey }),
      client.invalidateQueries({ queryKey: articleRecordQueries.record(record.id).queryKey }),
    ]);
  const path = (id: string) => `/api/articles/${encodeURIComponent(id)}`;
  const edit = useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: ArticlePatch }) =>
      sendJson(path(id), { method: 'PATCH', body, headers: ifMatch(version) }, articleRecordSchema),
    onSuccess: (record) => refresh(record, false),
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      sendJson(path(id), { method: 'DELETE', headers: ifMatch(version) }, articleRecordSchema),
    onSuccess: (record) => refresh(record, true),
  });
  const restore = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      sendJson(`${path(id)}/restore`, { method: 'POST', headers: ifMatch(version) }, articleRecordSchema),
    onSuccess: (record) => refresh(record, true),
  });
  return { edit, remove, restore };
}
