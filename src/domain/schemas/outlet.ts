import * as z from 'zod/mini';
import { idSchema, nonEmptyString } from './primitives';

export const outletKindSchema = z.enum(['newspaper', 'wire', 'broadcaster', 'government', 'aggregator', 'online']);
export type OutletKind = z.infer<typeof outletKindSchema>;

export const outletSchema = z.object({
  id: idSchema,
  name: nonEmptyString,
  /** Other names the same outlet publishes or is cited under (e.g. a sister edition in another language). */
  aliases: z.array(nonEmptyString),
  kind: outletKindSchema,
  url: z.nullable(z.httpUrl()),
});
export type Outlet = z.infer<typeof outletSchema>;
