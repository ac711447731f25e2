import * as z from 'zod/mini';
import { idSchema, nonEmptyString, nonNegativeInt } from './primitives';

const anchorShape = {
  start: nonNegativeInt,
  end: z.int().check(z.positive()),
  exact: nonEmptyString,
  prefix: z.string(),
  suffix: z.string(),
};

const lengthMatches = z.refine<{ start: number; end: number; exact: string }>(
  (span) => span.end - span.start === span.exact.length,
  {
    message: 'end - start must equal the length of exact',
    path: ['end'],
  },
);

/**
 * An evidence anchor in the style of a W3C Web Annotation: a text position selector
 * (start/end) together with a text quote selector (exact, prefix, suffix), so that an
 * anchor can be verified, and re-found if the text shifts.
 */
export const spanAnchorSchema = z.object(anchorShape).check(lengthMatches);
export type SpanAnchor = z.infer<typeof spanAnchorSchema>;

/** An anchor together with the article it is in. */
export const spanSchema = z.object({ article: idSchema, ...anchorShape }).check(lengthMatches);
export type Span = z.infer<typeof spanSchema>;
