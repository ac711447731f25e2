import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  claimSchema,
  mentionSchema,
  type AddClaimRequest,
  type AddMentionRequest,
  type RejectSuggestionRequest,
} from '@/domain/schemas';
import { sendJson } from '@/lib/api/send-json';
import { storyReadsOf } from '@/lib/api/story-part-queries';
import { coverageQueries } from './coverage-queries';
import * as z from 'zod/mini';

/** Accepting, rejecting and creating claims during review; each refreshes the review and the story. */
export function useReviewActions(storyId: string, articleId: string) {
  const client = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: coverageQueries.review(articleId).queryKey }),
      client.invalidateQueries(storyReadsOf(storyId)),
    ]);
  };
  const story = encodeURIComponent(storyId);
  const accept = useMutation({
    mutationFn: (request: AddMentionRequest) =>
      sendJson(`/api/stories/${story}/mentions`, { method: 'POST', body: request }, mentionSchema),
    onSuccess: refresh,
  });
  const reject = useMutation({
    mutationFn: (request: RejectSuggestionRequest) =>
      sendJson(
        `/api/articles/${encodeURIComponent(articleId)}/rejections`,
        { method: 'POST', body: request },
        z.unknown(),
      ),
    onSuccess: refresh,
  });
  const createClaim = useMutation({
    mutationFn: (request: AddClaimRequest) =>
      sendJson(`/api/stories/${story}/claims`, { method: 'POST', body: request }, claimSchema),
    onSuccess: refresh,
  });
  return { accept, reject, createClaim };
}
