import * as z from 'zod/mini';
import { claimSchema, evidenceRefSchema, verdictSchema, verdictStatusSchema } from './claim';
import { idSchema, isoDateTimeSchema } from './primitives';

export const MAX_VERDICT_NOTE_LENGTH = 10_000;
export const MAX_EVIDENCE_REFS = 50;

/** The editable part of a verdict; who and when are the server's to record. */
export const verdictContentSchema = z.object({
  status: verdictStatusSchema,
  note: z.string(),
  evidence: z.array(evidenceRefSchema),
});
export type VerdictContent = z.infer<typeof verdictContentSchema>;

/**
 * The body of PATCH /api/claims/:id/verdict: the fields to change, at least one. Unknown
 * fields are refused rather than ignored, so a typo never passes for a saved change.
 */
export const verdictPatchSchema = z
  .strictObject({
    status: z.optional(verdictStatusSchema),
    note: z.optional(
      z
        .string()
        .check(
          z.maxLength(
            MAX_VERDICT_NOTE_LENGTH,
            `must be at most ${MAX_VERDICT_NOTE_LENGTH.toLocaleString('en')} characters`,
          ),
        ),
    ),
    evidence: z.optional(
      z.array(evidenceRefSchema).check(z.maxLength(MAX_EVIDENCE_REFS, `at most ${MAX_EVIDENCE_REFS} references`)),
    ),
    /**
     * Set after a refused save (412) that the editor compared and resolved: the other editor's
     * version the change knowingly goes over. It must be the version the change is based on (If-Match).
     */
    resolvesConflict: z.optional(z.int().check(z.positive())),
  })
  .check(
    z.refine((patch) => [patch.status, patch.note, patch.evidence].some((value) => value !== undefined), {
      message: 'name at least one of status, note, evidence',
    }),
  );
export type VerdictPatch = z.infer<typeof verdictPatchSchema>;

/** One accepted verdict change, as the history lists it: who, when, from what, to what. */
export const auditEntrySchema = z.object({
  id: z.int().check(z.positive()),
  claim: idSchema,
  story: idSchema,
  /** The verdict's version after this change. */
  version: z.int().check(z.positive()),
  editor: z.string(),
  at: isoDateTimeSchema,
  from: verdictContentSchema,
  to: verdictContentSchema,
  /** Absent: a change of the verdict. `evidence_reviewed`: an editor reviewed evidence changed since the verdict. */
  action: z.optional(z.enum(['evidence_reviewed'])),
  /** The other editor's version this change was saved over, after the editor's save was refused and compared. */
  conflictWith: z.optional(z.int().check(z.positive())),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What GET /api/changes sends for each accepted change. */
export const verdictChangeEventSchema = z.object({
  claim: idSchema,
  story: idSchema,
  version: z.int().check(z.positive()),
  verdict: verdictSchema,
});
export type VerdictChangeEvent = z.infer<typeof verdictChangeEventSchema>;

/** The body of a 412: the refusal and the claim as it now stands. */
export const staleVersionBodySchema = z.object({
  error: z.object({ code: z.literal('stale_version'), message: z.string(), field: z.optional(z.string()) }),
  claim: claimSchema,
});
