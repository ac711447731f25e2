import * as z from 'zod/mini';
import { stripBidiControls } from '../bidi-controls';
import { actorKindSchema, actorSchema } from './actor';
import { claimSchema } from './claim';
import { attributionStepSchema, mentionSchema, stanceSchema } from './mention';
import { charRangeSchema, idSchema, isoDateTimeSchema, nonNegativeInt } from './primitives';

const trimmedText = (max: number, empty: string) =>
  z.string().check(z.overwrite(stripBidiControls), z.trim(), z.minLength(1, empty), z.maxLength(max, 'is too long'));

export const claimTextSchema = trimmedText(1000, 'write the claim');
export const topicNameSchema = trimmedText(100, 'name a topic');

/** PATCH /api/claims/:id: a new wording, a new (or existing) topic, or both. */
export const claimPatchSchema = z
  .strictObject({ text: z.optional(claimTextSchema), topic: z.optional(topicNameSchema) })
  .check(
    z.refine((patch) => patch.text !== undefined || patch.topic !== undefined, {
      message: 'name at least one of text, topic',
    }),
  );
export type ClaimPatch = z.infer<typeof claimPatchSchema>;

/** POST /api/claims/:id/merge: the claim this duplicate is folded into. */
export const claimMergeSchema = z.strictObject({ into: idSchema });

/** PATCH /api/stories/:story/topics/:topic: the topic's new name. */
export const topicRenameSchema = z.strictObject({ name: topicNameSchema });

/** A topic of a story, with its version (its ETag) and how many claims it holds. */
export const topicSchema = z.object({ name: z.string(), version: z.int(), claims: z.int() });
export type Topic = z.infer<typeof topicSchema>;

/**
 * An evidence span as an editor sends it: the character range, and the words seen there.
 * The server refuses a span whose text is not at its offsets or that cuts a word.
 */
export const spanInputSchema = z.strictObject({
  start: nonNegativeInt,
  end: nonNegativeInt,
  exact: z.optional(z.string().check(z.maxLength(5000, 'is too long'))),
});
export type SpanInput = z.infer<typeof spanInputSchema>;

export const MAX_SPANS = 20;
export const MAX_CHAIN_STEPS = 8;

const chainSchema = z
  .array(attributionStepSchema)
  .check(
    z.minLength(1, 'needs at least the publishing outlet'),
    z.maxLength(MAX_CHAIN_STEPS, `at most ${MAX_CHAIN_STEPS} steps`),
  );
const spansSchema = z
  .array(spanInputSchema)
  .check(z.minLength(1, 'needs at least one evidence span'), z.maxLength(MAX_SPANS, `at most ${MAX_SPANS} spans`));

/**
 * POST /api/stories/:story/mentions: evidence that an article carries a claim, as one range
 * (an accepted suggestion) or as spans; an article may carry the same claim more than once.
 */
export const newMentionRequestSchema = z
  .strictObject({
    claim: idSchema,
    article: idSchema,
    stance: stanceSchema,
    /** From the original source to the publishing outlet; the outlet alone when left out. */
    attribution: z.optional(chainSchema),
    range: z.optional(charRangeSchema),
    spans: z.optional(spansSchema),
  })
  .check(
    z.refine((body) => (body.range === undefined) !== (body.spans === undefined), {
      message: 'send the evidence as range or as spans (one of them)',
      path: ['spans'],
    }),
  );
export type NewMentionRequest = z.infer<typeof newMentionRequestSchema>;

/** PATCH /api/mentions/:id: the fields to change, at least one. */
export const mentionPatchSchema = z
  .strictObject({
    stance: z.optional(stanceSchema),
    attribution: z.optional(chainSchema),
    spans: z.optional(spansSchema),
  })
  .check(
    z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
      message: 'name at least one of stance, attribution, spans',
    }),
  );
export type MentionPatch = z.infer<typeof mentionPatchSchema>;

/** POST /api/actors: a source the coverage names that Parallax does not know yet. */
export const newActorRequestSchema = z.strictObject({
  name: trimmedText(200, 'name the source'),
  kind: actorKindSchema,
  description: z.optional(z.string().check(z.overwrite(stripBidiControls), z.trim(), z.maxLength(500, 'is too long'))),
});
export type NewActorRequest = z.infer<typeof newActorRequestSchema>;

export const deskObjectKindSchema = z.enum(['claim', 'mention', 'topic', 'actor']);
export type DeskObjectKind = z.infer<typeof deskObjectKindSchema>;

export const deskActionSchema = z.enum([
  'create',
  'edit',
  'merge',
  'remove',
  'rename',
  'undo-create',
  'undo-edit',
  'undo-merge',
  'undo-remove',
  'undo-rename',
]);
export type DeskAction = z.infer<typeof deskActionSchema>;

/**
 * One accepted change of a claim, a mention, a topic or an actor, as the audit keeps it: who,
 * when, what it was before and after (JSON as stored), the object's version after it, and the
 * entry an undo undid.
 */
export const deskEditSchema = z.object({
  id: z.int().check(z.positive()),
  story: z.string(),
  kind: deskObjectKindSchema,
  object: z.string(),
  /** Another object the change touched: the claim a merge went into. */
  related: z.nullable(z.string()),
  version: z.int().check(z.positive()),
  action: deskActionSchema,
  editor: z.string(),
  at: isoDateTimeSchema,
  before: z.unknown(),
  after: z.unknown(),
  undoes: z.nullable(z.int()),
  /** Whether a later entry undid this one. */
  undone: z.boolean(),
});
export type DeskEdit = z.infer<typeof deskEditSchema>;

/** A stored mention with its version (its ETag), as GET /api/mentions/:id answers. */
export const versionedMentionSchema = z.extend(mentionSchema, { version: z.int().check(z.positive()) });
export type VersionedMention = z.infer<typeof versionedMentionSchema>;

/** What an undo answers: the audit entry it wrote and the object as it now stands (null when removed). */
export const undoResultSchema = z.object({
  edit: deskEditSchema,
  claim: z.optional(z.nullable(claimSchema)),
  mention: z.optional(z.nullable(versionedMentionSchema)),
  topic: z.optional(topicSchema),
});
export type UndoResult = z.infer<typeof undoResultSchema>;

/** What a claim merge answers: the claim the duplicate went into, and the audit entry. */
export const claimMergeResultSchema = z.object({ claim: claimSchema, into: claimSchema, edit: deskEditSchema });

export const claimEditResultSchema = z.object({ claim: claimSchema, edit: deskEditSchema });
export const mentionEditResultSchema = z.object({ mention: versionedMentionSchema, edit: deskEditSchema });
export const topicRenameResultSchema = z.object({ topic: topicSchema, edit: deskEditSchema });
export const actorCreatedSchema = z.object({ actor: actorSchema, edit: deskEditSchema });
