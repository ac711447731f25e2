import * as z from 'zod/mini';
import { idSchema, nonEmptyString } from './primitives';
import { spanSchema } from './span';

export const stanceSchema = z.enum(['asserts', 'reports', 'denies', 'contradicts']);
export type Stance = z.infer<typeof stanceSchema>;

/** A link of an attribution chain: who told whom, ending with the outlet that published. */
export const attributionNodeSchema = z.object({
  kind: z.enum(['actor', 'outlet']),
  id: idSchema,
});
export type AttributionNode = z.infer<typeof attributionNodeSchema>;

/**
 * Several sources that made one statement together ("the State Department and Pentagon both
 * said"): one step of the chain with more than one voice. A step is either a single node, as
 * before, or such a group, so every existing chain still reads as it did.
 */
export const coSourcesSchema = z.object({
  sources: z.array(attributionNodeSchema).check(z.minLength(2, 'co-sources are at least two')),
});
export type CoSources = z.infer<typeof coSourcesSchema>;

export const attributionStepSchema = z.union([attributionNodeSchema, coSourcesSchema]);
export type AttributionStep = z.infer<typeof attributionStepSchema>;

/** The voices of one step: the node itself, or each of its co-sources. */
export function stepSources(step: AttributionStep): readonly AttributionNode[] {
  return 'sources' in step ? step.sources : [step];
}

/** The step as a single node, or null when it holds co-sources. */
export function singleNode(step: AttributionStep | undefined): AttributionNode | null {
  return step && !('sources' in step) ? step : null;
}

/**
 * Why a mention reads as it does where the text alone does not say so: the research behind a
 * link of the chain, the reasoning behind an inferred stance, what the evidence does not cover.
 * Shown to editors beside the mention.
 */
export const mentionBasisSchema = z.object({
  attribution: z.optional(nonEmptyString),
  stance: z.optional(nonEmptyString),
  evidence: z.optional(nonEmptyString),
  /** Research notes of the story (by id) the basis relies on. */
  notes: z.optional(z.array(idSchema)),
});
export type MentionBasis = z.infer<typeof mentionBasisSchema>;

/** Whether the evidence carries the whole claim or only part of it. */
export const supportSchema = z.enum(['full', 'partial']);
export type Support = z.infer<typeof supportSchema>;

/** The shape of a mention, without its cross-field rule (what corpus files extend). */
export const mentionObjectSchema = z.object({
  id: idSchema,
  claim: idSchema,
  article: idSchema,
  stance: stanceSchema,
  attribution: z.array(attributionStepSchema).check(z.minLength(1, 'needs at least the publishing outlet')),
  spans: z.array(spanSchema).check(z.minLength(1, 'needs at least one evidence span')),
  /** Absent: full. */
  support: z.optional(supportSchema),
  basis: z.optional(mentionBasisSchema),
});

/** Partial support must say what the evidence leaves out. */
export const partialSupportExplained = z.refine<{ support?: Support; basis?: MentionBasis }>(
  (m) => m.support !== 'partial' || m.basis?.evidence !== undefined,
  {
    message: 'partial support needs basis.evidence saying what the evidence does not cover',
    path: ['basis', 'evidence'],
  },
);

export const mentionSchema = mentionObjectSchema.check(partialSupportExplained);
export type Mention = z.infer<typeof mentionSchema>;
