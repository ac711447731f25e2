import * as z from 'zod/mini';
import { actorSchema } from './actor';
import { articleMetaSchema } from './article';
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
});
export type StoryBundle = z.infer<typeof storyBundleSchema>;
