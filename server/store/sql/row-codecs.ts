import { z } from 'zod';
import { attributionNodeSchema, charRangeSchema, evidenceRefSchema } from '@/domain/schemas';

/** JSON text columns, validated on the way out so a hand-edited row is an error, not bad data. */
const jsonOf = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text): z.output<T> => schema.parse(JSON.parse(text)));

export const rangesFromJson = jsonOf(z.array(charRangeSchema));
export const idsFromJson = jsonOf(z.array(z.string()));
export const chainFromJson = jsonOf(z.array(attributionNodeSchema));
export const evidenceFromJson = jsonOf(z.array(evidenceRefSchema));
export const derivedFromJson = jsonOf(z.object({ article: z.string(), phrase: z.string() }));
export const passageSpansFromJson = jsonOf(
  z.array(
    z.object({
      article: z.string(),
      start: z.number(),
      end: z.number(),
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
    }),
  ),
);

/** How many rows an insert that skips existing keys added (0 or 1 for one row). */
export const inserted = (result: { numInsertedOrUpdatedRows?: bigint }) =>
  Number(result.numInsertedOrUpdatedRows ?? 0n);
