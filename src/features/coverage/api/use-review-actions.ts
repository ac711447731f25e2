import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  claimSchema,
  mentionSchema,
  type AddClaimRequest,
  type AddMentionRequest,
  type RejectSuggestionRequest,
} from '@/domain/schemas';
import { sendJson } from '@/lib/api/send-json';
import { overviewReadsOf, refreshEvidence, type EvidenceTouch } from '@/lib/api/story-part-queries';
import { coverageQueries } from './coverage-queries';
import * as z from 'zod/mini';

/**
 * Accepting, rejecting and creating claims during review; each refreshes the review, and of
 * the story what it changed: an accepted suggestion the overview and the new article's (and
 * the claim's) evidence, a new claim the overview, a rejection nothing else.
 */
export function useReviewActions(storyId: string, articleId: string) {
  const client = useQueryClient();
  const review = () => client.invalidateQueries({ queryKey: coverageQueries.review(articleId).queryKey });
  const overview = () => client.invalidateQueries(overviewReadsOf(storyId));
  const refresh = (touch?: EvidenceTouch) =>
    Promise.all([review(), overview(), touch ? refreshEvidence(client, storyId, touch) : null]);
  const story = encodeURIComponent(storyId);
  const accept = useMutation({
    mutationFn: (request: AddMentionRequest) =>
      sendJson(`/api/stories/${story}/mentions`, { method: 'POST', body: request }, mentionSchema),
    onSuccess: (mention) => refresh({ articles: [mention.article], claims: [mention.claim], mentions: [mention.id] }),
  });
  const reject = useMutation({
    mutationFn: (request: RejectSuggestionRequest) =>
      sendJson(
        `/api/articles/${encodeURIComponent(articleId)}/rejections`,
        { method: 'POST', body: request },
        z.unknown(),
      ),
    onSuccess: review,
  });
  const createClaim = useMutation({
    mutationFn: (request: AddClaimRequest) =>
      sendJson(`/api/stories/${story}/claims`, { method: 'POST', body: request }, claimSchema),
    onSuccess: () => refresh(),
  });
  return { accept, reject, createClaim };
}
