import type { SpanAnchor } from './schemas';

/** How much context a quote selector keeps on each side to re-find its text. */
export const QUOTE_CONTEXT_LENGTH = 32;

export type SpanCheck = { ok: true } | { ok: false; reason: string };

/** Builds the anchor for `body[start, end)`, with its quote context. */
export function anchorAt(body: string, start: number, end: number): SpanAnchor {
  if (start < 0 || end > body.length || start >= end) {
    throw new RangeError(`range [${start}, ${end}) is outside a text of ${body.length} characters`);
  }
  return {
    start,
    end,
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
    suffix: body.slice(end, end + QUOTE_CONTEXT_LENGTH),
  };
}

/** Anchors the `occurrence`-th (0-based) appearance of `exact` in `body`, or returns null. */
export function anchorQuote(body: string, exact: string, occurrence = 0): SpanAnchor | null {
  if (exact.length === 0) return null;
  let from = 0;
  for (let seen = 0; ; seen += 1) {
    const start = body.indexOf(exact, from);
    if (start === -1) return null;
    if (seen === occurrence) return anchorAt(body, start, start + exact.length);
    from = start + 1;
  }
}

/** A span resolves when its exact text, prefix and suffix all stand in the body at its offsets. */
export function checkSpan(body: string, span: SpanAnchor): SpanCheck {
  const { start, end, exact, prefix, suffix } = span;
  if (end > body.length) {
    return { ok: false, reason: `end ${end} is past the end of the text (${body.length})` };
  }
  const found = body.slice(start, end);
  if (found !== exact) {
    return {
      ok: false,
      reason: `text at [${start}, ${end}) is ${JSON.stringify(found)}, not ${JSON.stringify(exact)}`,
    };
  }
  if (body.slice(start - prefix.length, start) !== prefix || start - prefix.length < 0) {
    return { ok: false, reason: `prefix ${JSON.stringify(prefix)} does not precede offset ${start}` };
  }
  if (body.slice(end, end + suffix.length) !== suffix) {
    return { ok: false, reason: `suffix ${JSON.stringify(suffix)} does not follow offset ${end}` };
  }
  return { ok: true };
}

/**
 * Re-finds a span whose text has shifted: among the places where `exact` occurs, the one whose
 * context matches best, nearest the old offset on a tie. Returns null when the quote is gone.
 */
export function reanchorSpan(body: string, span: SpanAnchor): SpanAnchor | null {
  if (checkSpan(body, span).ok) return span;
  let best: { anchor: SpanAnchor; score: number; distance: number } | null = null;
  for (let from = 0; ;) {
    const start = body.indexOf(span.exact, from);
    if (start === -1) break;
    const anchor = anchorAt(body, start, start + span.exact.length);
    const score = commonSuffixLength(anchor.prefix, span.prefix) + commonPrefixLength(anchor.suffix, span.suffix);
    const distance = Math.abs(start - span.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { anchor, score, distance };
    }
    from = start + 1;
  }
  return best?.anchor ?? null;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}
