import * as z from 'zod/mini';
import { idSchema, nonEmptyString, nonNegativeInt } from './primitives';

export const storySchema = z.object({
  id: idSchema,
  title: nonEmptyString,
  summary: z.string(),
});
export type Story = z.infer<typeof storySchema>;

export const storySummarySchema = z.extend(storySchema, {
  counts: z.object({
    articles: nonNegativeInt,
    claims: nonNegativeInt,
    mentions: nonNegativeInt,
    events: nonNegativeInt,
  }),
});
export type StorySummary = z.infer<typeof storySummarySchema>;
