import * as z from 'zod/mini';
import { actorSchema } from './actor';
import { articleMetaSchema } from './article';
import { articleUpdateSchema, evidenceFlagSchema } from './article-version';
import { claimSchema } from './claim';
import { storyEventSchema } from './event';
import { mentionSchema } from './mention';
import { outletSchema } from './outlet';
import { passageSchema } from './passage';
import { storySchema } from './story';

/** Everything a view needs about one story, except article bodies (fetched per article). */
export const storyBundleSchema = z.object({
  story: storySchema,
  outlets: z.array(outletSchema),
  actors: z.array(actorSchema),
  articles: z.array(articleMetaSchema),
  claims: z.array(claimSchema),
  mentions: z.array(mentionSchema),
  events: z.array(storyEventSchema),
  passages: z.array(passageSchema),
  /** Articles updated since first stored; absent: none. */
  articleUpdates: z.optional(z.array(articleUpdateSchema)),
  /** Claims whose evidence changed since their verdict (shown to editors); absent: none. */
  evidenceFlags: z.optional(z.array(evidenceFlagSchema)),
});
export type StoryBundle = z.infer<typeof storyBundleSchema>;
