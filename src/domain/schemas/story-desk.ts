import * as z from 'zod/mini';
import { articleMetaSchema, publishedSchema } from './article';
import { idSchema, isoDateTimeSchema, nonEmptyString } from './primitives';

export const MAX_STORY_TITLE_LENGTH = 200;
export const MAX_STORY_SUMMARY_LENGTH = 5_000;
export const MAX_ARTICLE_TITLE_LENGTH = 500;

const storyTitle = nonEmptyString.check(
  z.maxLength(MAX_STORY_TITLE_LENGTH, `must be at most ${MAX_STORY_TITLE_LENGTH} characters`),
);
const storySummary = z
  .string()
  .check(z.maxLength(MAX_STORY_SUMMARY_LENGTH, `must be at most ${MAX_STORY_SUMMARY_LENGTH} characters`));

const atLeastOne = (names: string) =>
  z.refine<object>((patch: object) => Object.values(patch).some((value) => value !== undefined), {
    message: `name at least one of ${names}`,
  });

/** The body of POST /api/stories: the server makes the id, a unique slug of the title. */
export const createStoryRequestSchema = z.strictObject({
  title: storyTitle,
  summary: storySummary,
});
export type CreateStoryRequest = z.infer<typeof createStoryRequestSchema>;

/**
 * The body of PATCH /api/stories/:story. `archived` hides a story from the lists (kept, and
 * restored with `archived: false`); `pinned` (admins) makes it the story `/` opens.
 */
export const storyPatchSchema = z
  .strictObject({
    title: z.optional(storyTitle),
    summary: z.optional(storySummary),
    archived: z.optional(z.boolean()),
    pinned: z.optional(z.boolean()),
  })
  .check(atLeastOne('title, summary, archived, pinned'));
export type StoryPatch = z.infer<typeof storyPatchSchema>;

/** A story as the desk edits it: its text, version (the ETag), state and last change. */
export const storyRecordSchema = z.object({
  id: idSchema,
  title: nonEmptyString,
  summary: z.string(),
  version: z.int().check(z.positive()),
  archived: z.boolean(),
  pinned: z.boolean(),
  /** When anything in the story last changed, or null when nothing has since it was loaded. */
  changedAt: z.nullable(isoDateTimeSchema),
});
export type StoryRecord = z.infer<typeof storyRecordSchema>;

/** The body of PATCH /api/articles/:id: the metadata to change, at least one field. */
export const articlePatchSchema = z
  .strictObject({
    title: z.optional(
      nonEmptyString.check(
        z.maxLength(MAX_ARTICLE_TITLE_LENGTH, `must be at most ${MAX_ARTICLE_TITLE_LENGTH} characters`),
      ),
    ),
    outlet: z.optional(idSchema),
    published: z.optional(publishedSchema),
    url: z.optional(z.nullable(z.httpUrl())),
  })
  .check(atLeastOne('title, outlet, published, url'));
export type ArticlePatch = z.infer<typeof articlePatchSchema>;

/** An article's metadata as the desk edits it: its version (the ETag) and whether it is removed. */
export const articleRecordSchema = z.extend(articleMetaSchema, {
  version: z.int().check(z.positive()),
  removed: z.boolean(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** One accepted change of a story or an article, as the story's history lists it. */
export const storyAuditEntrySchema = z.object({
  id: z.int().check(z.positive()),
  story: idSchema,
  object: z.enum(['story', 'article']),
  objectId: idSchema,
  /** The object's version after the change. */
  version: z.int().check(z.positive()),
  action: z.enum(['created', 'edited', 'archived', 'restored', 'pinned', 'unpinned', 'removed', 'imported']),
  editor: z.string(),
  at: isoDateTimeSchema,
  /** The object before and after, as JSON; null where it did not exist or was removed. */
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
});
export type StoryAuditEntry = z.infer<typeof storyAuditEntrySchema>;

/** What GET /api/changes sends when a story itself (not its coverage) changes. */
export const storyChangeEventSchema = z.object({
  story: idSchema,
  version: z.int().check(z.positive()),
});
export type StoryChangeEvent = z.infer<typeof storyChangeEventSchema>;

/** A corpus story folder that could not be loaded: only that story is left out. */
export const corpusProblemSchema = z.object({
  /** The folder under corpus/stories/. */
  story: z.string(),
  file: z.string(),
  field: z.string(),
  message: z.string(),
});
export type CorpusProblem = z.infer<typeof corpusProblemSchema>;
