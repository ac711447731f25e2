import * as z from 'zod/mini';

/*
 * The shared schemas use zod's mini build: the same validation, in a fraction of the bytes
 * the browser has to load for the first view.
 */

export const idSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be a lowercase slug of a-z, 0-9, "-" or "_" (at most 64 characters)'),
  );
export type Id = z.infer<typeof idSchema>;

export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const nonEmptyString = z.string().check(z.minLength(1, 'must not be empty'));
export const nonNegativeInt = z.int().check(z.nonnegative());

/** A half-open character range [start, end) into an article body. */
export const charRangeSchema = z
  .tuple([nonNegativeInt, nonNegativeInt])
  .check(z.refine(([start, end]) => start < end, 'a range must have start < end'));
export type CharRange = z.infer<typeof charRangeSchema>;
