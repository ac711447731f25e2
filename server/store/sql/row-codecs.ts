import { z } from 'zod';
import {
  attributionStepSchema,
  charRangeSchema,
  evidenceRefSchema,
  furnitureSchema,
  mentionBasisSchema,
  researchNoteSchema,
  storyEventSchema,
} from '@/domain/schemas';

/** JSON text columns, validated on the way out so a hand-edited row is an error, not bad data. */
const jsonOf = <T extends z.core.$ZodType>(schema: T) =>
  z.string().transform((text): z.output<T> => z.parse(schema, JSON.parse(text)));

export const rangesFromJson = jsonOf(z.array(charRangeSchema));
export const idsFromJson = jsonOf(z.array(z.string()));
export const chainFromJson = jsonOf(z.array(attributionStepSchema));
export const notesFromJson = jsonOf(z.array(researchNoteSchema));
export const furnitureFromJson = jsonOf(z.array(furnitureSchema));
export const mentionBasisFromJson = jsonOf(mentionBasisSchema);
export const relatedFromJson = jsonOf(storyEventSchema.shape.related.def.innerType);
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

/** An optional field as a nullable column: JSON when present, NULL when absent. */
export const jsonOrNull = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * A nullable column back as the optional field it stores: an object holding the field when the
 * column has a value and an empty one when it is NULL, so that absent fields stay absent (not
 * null) and a stored item reads back exactly as it was given.
 */
export const optionalField = <K extends string, T>(
  key: K,
  value: string | null,
  parse: (text: string) => T,
): Partial<Record<K, T>> => (value === null ? {} : ({ [key]: parse(value) } as Partial<Record<K, T>>));

/** How many rows an insert that skips existing keys added (0 or 1 for one row). */
export const inserted = (result: { numInsertedOrUpdatedRows?: bigint }) =>
  Number(result.numInsertedOrUpdatedRows ?? 0n);
