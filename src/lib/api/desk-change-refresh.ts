import type { QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { actorSchema, idSchema } from '@/domain/schemas';
import { refreshEvidence, type EvidenceTouch } from './story-part-queries';
import { storyQueries } from './story-queries';

// Its own module, loaded with the desk's forms: the first view never changes anything.
const mentionAnswer = z.object({ id: idSchema, claim: idSchema, article: idSchema, spans: z.array(z.unknown()) });
const claimAnswer = z.object({ id: idSchema, story: idSchema, text: z.string(), verdict: z.object({}) });
const answers = {
  mention: mentionAnswer,
  removed: z.object({ removed: idSchema }),
  claim: claimAnswer,
  merge: z.object({ claim: claimAnswer, into: claimAnswer }),
  // What leaves evidence as it was: an event, a source, a topic.
  untouched: z.union([
    z.object({ id: idSchema, story: idSchema, title: z.string(), date: z.object({}) }),
    z.object({ event: z.object({ id: idSchema, title: z.string() }) }),
    actorSchema,
    z.object({ name: z.string(), version: z.number(), claims: z.number() }),
  ]),
};

/** Which evidence the answer to a change of the desk's work says the change touched. */
export function evidenceTouchOfAnswer(answer: unknown): EvidenceTouch | 'all' | null {
  const mention = answers.mention.safeParse(answer);
  if (mention.success) {
    const { id, claim, article } = mention.data;
    return { articles: [article], claims: [claim], mentions: [id] };
  }
  const removed = answers.removed.safeParse(answer);
  if (removed.success) return { mentions: [removed.data.removed] };
  const merge = answers.merge.safeParse(answer);
  const claim = answers.claim.safeParse(answer);
  const claims = merge.success ? [merge.data.claim.id, merge.data.into.id] : claim.success ? [claim.data.id] : null;
  if (claims) return { claims, mentionsOfClaims: claims };
  return answers.untouched.safeParse(answer).success ? null : 'all';
}

/**
 * After a change of the desk's work (a mention, claim, topic, event or source) made here: the
 * overviews and the story list refetch (they are compact), and of the evidence what the
 * answer says the change touched. A change that failed may have been refused as stale: all
 * of the story's reads refetch.
 */
export function refreshPartsAfterDeskChange(client: QueryClient, answer: unknown, failed: boolean) {
  if (failed) return client.invalidateQueries({ queryKey: storyQueries.all() });
  const touch = evidenceTouchOfAnswer(answer);
  return Promise.all([
    client.invalidateQueries({
      queryKey: storyQueries.all(),
      predicate: (query) => ['list', 'overview', 'bundle'].includes(String(query.queryKey[1])),
    }),
    touch === null ? null : refreshEvidence(client, null, touch),
  ]);
}
