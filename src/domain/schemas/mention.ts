import * as z from 'zod/mini';
import { idSchema } from './primitives';
import { spanSchema } from './span';

export const stanceSchema = z.enum(['asserts', 'reports', 'denies', 'contradicts']);
export type Stance = z.infer<typeof stanceSchema>;

/** A link of an attribution chain: who told whom, ending with the outlet that published. */
export const attributionNodeSchema = z.object({
  kind: z.enum(['actor', 'outlet']),
  id: idSchema,
});
export type AttributionNode = z.infer<typeof attributionNodeSchema>;

export const mentionSchema = z.object({
  id: idSchema,
  claim: idSchema,
  article: idSchema,
  stance: stanceSchema,
  attribution: z.array(attributionNodeSchema).check(z.minLength(1, 'needs at least the publishing outlet')),
  spans: z.array(spanSchema).check(z.minLength(1, 'needs at least one evidence span')),
});
export type Mention = z.infer<typeof mentionSchema>;
