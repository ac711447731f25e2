import * as z from 'zod/mini';
import { actorSchema } from './actor';
import { articleMetaSchema } from './article';
import { articleUpdateSchema, evidenceFlagSchema } from './article-version';
import { claimSchema } from './claim';
import { storyEventSchema } from './event';
import { mentionObjectSchema, mentionSchema } from './mention';
import { outletSchema } from './outlet';
import { passageSchema } from './passage';
import { idSchema } from './primitives';
import { storySchema } from './story';

/** A story's version: bumped by the database with every change to the story. */
export const storyVersionSchema = z.object({ epoch: z.string(), version: z.number() });
export type StoryVersion = z.infer<typeof storyVersionSchema>;

/**
 * A mention as the matrix shows it: who says what about which claim, with its attribution
 * chain (for origins), but without its evidence (spans and basis), which is fetched on demand.
 */
export const stanceCellSchema = z.omit(mentionObjectSchema, { spans: true, basis: true });
export type StanceCell = z.infer<typeof stanceCellSchema>;

/**
 * What the first view of any story needs, at a cost that grows with the number of claims and
 * mentions but not with the text: claims with their verdicts, article metadata, a stance cell
 * per mention, events, topics and counts. Article text, evidence and shared passages come on
 * demand (storyEvidenceSchema, the article read).
 */
export const storyOverviewSchema = z.object({
  version: storyVersionSchema,
  story: storySchema,
  outlets: z.array(outletSchema),
  actors: z.array(actorSchema),
  articles: z.array(articleMetaSchema),
  claims: z.array(claimSchema),
  cells: z.array(stanceCellSchema),
  events: z.array(storyEventSchema),
  /** The claims' topics, in the order they first appear. */
  topics: z.array(z.string()),
  counts: z.object({
    articles: z.number(),
    claims: z.number(),
    mentions: z.number(),
    events: z.number(),
    passages: z.number(),
  }),
  /** Articles updated since first stored; absent: none. */
  articleUpdates: z.optional(z.array(articleUpdateSchema)),
  /** Claims whose evidence changed since their verdict (shown to editors); absent: none. */
  evidenceFlags: z.optional(z.array(evidenceFlagSchema)),
  /** The quoted text of each mention an event cites, by mention id: what the timeline says of its reports. */
  eventQuotes: z.optional(z.record(z.string(), z.array(z.string()))),
});
export type StoryOverview = z.infer<typeof storyOverviewSchema>;

/** Which evidence to fetch: a claim's, an article's, or one cell's (both). */
export const evidenceScopeSchema = z.object({ claim: z.optional(idSchema), article: z.optional(idSchema) });
export type EvidenceScope = z.infer<typeof evidenceScopeSchema>;

/** The evidence of a scope: its mentions in full, and the shared passages with a span in its article. */
export const storyEvidenceSchema = z.object({
  mentions: z.array(mentionSchema),
  passages: z.array(passageSchema),
});
export type StoryEvidence = z.infer<typeof storyEvidenceSchema>;

/** One changed row of a story since a version: its table, key, and the claim and article it belongs to. */
export const storyChangeSchema = z.object({
  version: z.number(),
  entity: z.string(),
  item: z.string(),
  claim: z.nullable(z.string()),
  article: z.nullable(z.string()),
});

/** What changed since a version, or `reload` when that version is not this database's or too old to list. */
export const storyChangesSchema = z.union([
  z.object({ kind: z.literal('changes'), current: storyVersionSchema, changes: z.array(storyChangeSchema) }),
  z.object({ kind: z.literal('unknown'), current: storyVersionSchema }),
]);
export type StoryChanges = z.infer<typeof storyChangesSchema>;
