import * as z from 'zod/mini';
import {
  actorSchema,
  articleMetaSchema,
  claimSchema,
  mentionObjectSchema,
  partialSupportExplained,
  outletSchema,
  researchNoteSchema,
  spanAnchorSchema,
  storyEventSchema,
  storySchema,
} from '@/domain/schemas';

/*
 * The curated corpus files: the API's shapes less what the folder already says
 * (the story id) and what the store owns (verdicts, article bodies).
 */
export const corpusOutletsSchema = z.array(outletSchema);
export const corpusActorsSchema = z.array(actorSchema);
export const corpusStorySchema = z.omit(storySchema, { notes: true });
/** A story's research notes live in their own file, `notes.json`, beside `story.json`. */
export const corpusNotesSchema = z.array(researchNoteSchema);

export const corpusArticleSchema = z.extend(z.omit(articleMetaSchema, { story: true }), {
  source: z.object({
    /** The text file, relative to the story's `articles/` folder. */
    file: z.string().check(z.regex(/^[\w.-]+\.txt$/, 'must be a .txt file name inside articles/')),
    url: z.nullable(z.url()),
  }),
});
export const corpusArticlesSchema = z.array(corpusArticleSchema);

export const corpusClaimsSchema = z.array(z.pick(claimSchema, { id: true, text: true, topic: true, basis: true }));

export const corpusMentionsSchema = z.array(
  z
    .extend(z.omit(mentionObjectSchema, { spans: true }), {
      spans: z.array(spanAnchorSchema).check(z.minLength(1, 'needs at least one evidence span')),
    })
    .check(partialSupportExplained),
);

export const corpusEventsSchema = z.array(z.omit(storyEventSchema, { story: true }));
