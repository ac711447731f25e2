import * as z from 'zod/mini';
import { idSchema, nonEmptyString, nonNegativeInt } from './primitives';

/**
 * A fact an editor of the story relies on that the articles themselves do not give (the day
 * of a meeting from the public record, where an article was found), with where it comes from.
 * Dates, attributions and article metadata cite these by id; the views show them there.
 */
export const researchNoteSchema = z.object({
  id: idSchema,
  text: nonEmptyString,
  source: nonEmptyString,
});
export type ResearchNote = z.infer<typeof researchNoteSchema>;

export const storySchema = z.object({
  id: idSchema,
  title: nonEmptyString,
  summary: z.string(),
  /** Absent: none. */
  notes: z.optional(z.array(researchNoteSchema)),
});
export type Story = z.infer<typeof storySchema>;

export const storySummarySchema = z.extend(storySchema, {
  counts: z.object({
    articles: nonNegativeInt,
    claims: nonNegativeInt,
    mentions: nonNegativeInt,
    events: nonNegativeInt,
  }),
  /** The desk's state of the story; absent from servers that do not edit stories. */
  version: z.optional(z.int().check(z.positive())),
  archived: z.optional(z.boolean()),
  pinned: z.optional(z.boolean()),
  /** When anything in the story last changed (ISO date-time), or null when nothing has. */
  changedAt: z.optional(z.nullable(z.string())),
});
export type StorySummary = z.infer<typeof storySummarySchema>;
