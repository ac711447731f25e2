import * as z from 'zod/mini';
import { idSchema, nonEmptyString } from './primitives';

export const actorKindSchema = z.enum(['person', 'office', 'organization', 'unnamed-source']);
export type ActorKind = z.infer<typeof actorKindSchema>;

export const actorSchema = z.object({
  id: idSchema,
  name: nonEmptyString,
  kind: actorKindSchema,
  /** Role or affiliation as the coverage describes it, e.g. "White House national security adviser". */
  description: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;
