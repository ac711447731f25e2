import * as z from 'zod/mini';
import { idSchema, isoDateTimeSchema, nonEmptyString } from './primitives';

/** Verdict statuses in their canonical order: the editor's choices, filters and URLs follow it. */
export const VERDICT_STATUSES = ['unreviewed', 'verified', 'disputed', 'false', 'misleading', 'unverifiable'] as const;
export const verdictStatusSchema = z.enum(VERDICT_STATUSES);
export type VerdictStatus = z.infer<typeof verdictStatusSchema>;

export const MAX_EVIDENCE_URL_LENGTH = 2000;

/** What a verdict rests on: a mention of the claim in the coverage, or a page elsewhere. */
export const evidenceRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mention'), mention: idSchema }),
  z.strictObject({
    kind: z.literal('url'),
    url: z
      .httpUrl('must be an http or https address')
      .check(z.maxLength(MAX_EVIDENCE_URL_LENGTH, `must be at most ${MAX_EVIDENCE_URL_LENGTH} characters`)),
  }),
]);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const verdictSchema = z.object({
  status: verdictStatusSchema,
  note: z.string(),
  /** Absent in data written before evidence was recorded; read it as none. */
  evidence: z.optional(z.array(evidenceRefSchema)),
  editor: z.nullable(z.string()),
  at: z.nullable(isoDateTimeSchema),
  version: z.int().check(z.positive()),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const unreviewedVerdict: Verdict = {
  status: 'unreviewed',
  note: '',
  evidence: [],
  editor: null,
  at: null,
  version: 1,
};

export const claimSchema = z.object({
  id: idSchema,
  story: idSchema,
  text: nonEmptyString,
  topic: nonEmptyString,
  verdict: verdictSchema,
  /**
   * How the claim was drawn from the coverage where that is not plain: what it covers, and why
   * it is kept apart from (or merged with) a neighbouring claim. Shown in the claim view.
   */
  basis: z.optional(nonEmptyString),
});
export type Claim = z.infer<typeof claimSchema>;
