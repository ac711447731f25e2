import search from 'approx-string-match';
import DiffMatchPatch from 'diff-match-patch';
import type { SpanAnchor } from './schemas';
import { anchorAt } from './span-anchoring';

/**
 * How a span fared in a new version of its article:
 * - kept: its quote stands unchanged in the new text (at its old offsets, or moved);
 * - changed: a close variant of it stands where its context says, with its new text;
 * - unanchored: nothing in the new text is close enough, on quote and context both.
 * A fact-check prefers "unanchored" to a place that merely looks similar.
 */
export type ReanchoredSpan =
  | { status: 'kept'; anchor: SpanAnchor; how: 'offsets' | 'quote' }
  | { status: 'changed'; anchor: SpanAnchor; score: number }
  | { status: 'unanchored'; score: number | null };

export type SpanStatus = ReanchoredSpan['status'];

/** The thresholds of re-anchoring; the defaults are what the app uses. */
export type ReanchorOptions = {
  /** The least combined score (quote, prefix, suffix, position) a fuzzy match must reach. */
  minScore?: number;
  /** The least share of the quote that must match, however good the context. */
  minQuoteScore?: number;
  /** The least mean of the prefix and suffix scores: a look-alike in other surroundings is refused. */
  minContextScore?: number;
  /** A quote at least this long, occurring once in both texts, is kept wherever it moved. */
  distinctQuoteLength?: number;
};

export const DEFAULT_REANCHOR_OPTIONS: Required<ReanchorOptions> = {
  minScore: 0.8,
  minQuoteScore: 0.75,
  minContextScore: 0.5,
  distinctQuoteLength: 20,
};

/** Weights of the fuzzy score, as annotation tools weigh them: the quote first, then context, then place. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** Two fuzzy candidates this close in score, at different places, are too alike to choose between. */
const AMBIGUITY_MARGIN = 0.02;

/** How closely `pattern` occurs in `text`: 1 for an exact occurrence, 0 for nothing alike. */
function matchScore(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  if (text.includes(pattern)) return 1;
  const matches = search(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return Math.max(0, 1 - errors / pattern.length);
}

function occurrences(body: string, exact: string): number[] {
  const found: number[] = [];
  for (let from = body.indexOf(exact); from !== -1; from = body.indexOf(exact, from + 1)) found.push(from);
  return found;
}

/**
 * Re-anchors spans of one article from its old text to its new one. The two texts are compared
 * once (for where an old offset lands in the new text); each span is then tried in order: its
 * old offsets with the same quote, the same quote with the best context, and finally a fuzzy
 * match of quote and context accepted only above the minimum scores.
 */
export function createReanchorer(oldBody: string, newBody: string, options: ReanchorOptions = {}) {
  const opts = { ...DEFAULT_REANCHOR_OPTIONS, ...options };
  let diffs: DiffMatchPatch.Diff[] | null = null;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0.25;
  /** Where an old offset lands in the new text, by the difference of the two. */
  const mapOffset = (offset: number) => {
    if (oldBody === newBody) return offset;
    diffs ??= dmp.diff_main(oldBody, newBody, false);
    return dmp.diff_xIndex(diffs, offset);
  };

  const contextScores = (start: number, end: number, span: SpanAnchor) => ({
    prefix: matchScore(newBody.slice(Math.max(0, start - span.prefix.length - 4), start), span.prefix),
    suffix: matchScore(newBody.slice(end, end + span.suffix.length + 4), span.suffix),
  });

  function byQuote(span: SpanAnchor, hint: number): SpanAnchor | null {
    const starts = occurrences(newBody, span.exact);
    if (starts.length === 0) return null;
    const distinct =
      starts.length === 1 &&
      span.exact.length >= opts.distinctQuoteLength &&
      occurrences(oldBody, span.exact).length <= 1;
    let best: { start: number; context: number; distance: number } | null = null;
    for (const start of starts) {
      const { prefix, suffix } = contextScores(start, start + span.exact.length, span);
      const context = (prefix + suffix) / 2;
      const distance = Math.abs(start - hint);
      if (!best || context > best.context || (context === best.context && distance < best.distance)) {
        best = { start, context, distance };
      }
    }
    if (!best || (!distinct && best.context < opts.minContextScore)) return null;
    return anchorAt(newBody, best.start, best.start + span.exact.length);
  }

  function byFuzzyMatch(span: SpanAnchor, hint: number): ReanchoredSpan {
    const maxErrors = Math.floor(span.exact.length * (1 - opts.minQuoteScore));
    const candidates = maxErrors > 0 ? search(newBody, span.exact, maxErrors) : [];
    const scored = candidates
      .filter((m) => m.end > m.start)
      .map((m) => {
        const quote = 1 - m.errors / span.exact.length;
        const { prefix, suffix } = contextScores(m.start, m.end, span);
        const position = 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, newBody.length));
        const score =
          (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) /
          WEIGHT_SUM;
        return { match: m, quote, context: (prefix + suffix) / 2, score };
      })
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best) return { status: 'unanchored', score: null };
    const accepted = (c: (typeof scored)[number]) =>
      c.quote >= opts.minQuoteScore && c.context >= opts.minContextScore && c.score >= opts.minScore;
    if (!accepted(best)) return { status: 'unanchored', score: best.score };
    // A rival as good elsewhere (not an overlapping reading of the same place) leaves the choice to an editor.
    const rival = scored.find(
      (c) => c !== best && (c.match.end <= best.match.start || c.match.start >= best.match.end) && accepted(c),
    );
    if (rival && best.score - rival.score < AMBIGUITY_MARGIN) return { status: 'unanchored', score: best.score };
    return { status: 'changed', anchor: anchorAt(newBody, best.match.start, best.match.end), score: best.score };
  }

  return {
    reanchor(span: SpanAnchor): ReanchoredSpan {
      const { start, end, exact } = span;
      if (newBody.slice(start, end) === exact) {
        return { status: 'kept', anchor: anchorAt(newBody, start, end), how: 'offsets' };
      }
      const hint = mapOffset(start);
      const moved = byQuote(span, hint);
      if (moved) return { status: 'kept', anchor: moved, how: 'quote' };
      return byFuzzyMatch(span, hint);
    },
  };
}

/** Re-anchors each span from `oldBody` to `newBody`, in the order given. */
export function reanchorSpans(
  oldBody: string,
  newBody: string,
  spans: readonly SpanAnchor[],
  options: ReanchorOptions = {},
): ReanchoredSpan[] {
  const reanchorer = createReanchorer(oldBody, newBody, options);
  return spans.map((span) => reanchorer.reanchor(span));
}
