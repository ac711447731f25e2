import * as z from 'zod/mini';
import { idSchema, nonEmptyString } from './primitives';
import { spanSchema } from './span';

/** A passage that two or more articles carry nearly verbatim, with its place in each. */
export const passageSchema = z.object({
  id: idSchema,
  story: idSchema,
  text: nonEmptyString,
  spans: z.array(spanSchema).check(z.minLength(2, 'a shared passage stands in at least two places')),
});
export type Passage = z.infer<typeof passageSchema>;
