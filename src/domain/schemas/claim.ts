import * as z from 'zod/mini';
import { idSchema, isoDateTimeSchema, nonEmptyString } from './primitives';

export const verdictStatusSchema = z.enum([
  'unreviewed',
  'verified',
  'disputed',
  'false',
  'misleading',
  'unverifiable',
]);
export type VerdictStatus = z.infer<typeof verdictStatusSchema>;

export const verdictSchema = z.object({
  status: verdictStatusSchema,
  note: z.string(),
  editor: z.nullable(z.string()),
  at: z.nullable(isoDateTimeSchema),
  version: z.int().check(z.positive()),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const unreviewedVerdict: Verdict = {
  status: 'unreviewed',
  note: '',
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
});
export type Claim = z.infer<typeof claimSchema>;
