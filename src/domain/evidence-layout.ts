import type { CharRange } from './schemas';

/** Anything laid over a text by character offsets: an evidence span, a shared passage. */
export type MarkRange = { start: number; end: number };

/** A stretch of a paragraph covered by the same marks throughout (indices into the marks, ascending). */
export type Segment = { start: number; end: number; marks: readonly number[] };

export type ParagraphLayout = { start: number; end: number; segments: Segment[] };

export type SegmentRef = { paragraph: number; segment: number };

export type EvidenceLayout = {
  paragraphs: ParagraphLayout[];
  /** Where each mark begins on screen; null for a mark that covers no paragraph text. */
  firstSegment: (SegmentRef | null)[];
};

/**
 * Cuts each paragraph at every mark boundary, so that overlapping marks become a row of
 * segments each carrying the full set of marks over it: the text is drawn once, never
 * duplicated or nested out of order, however the spans overlap. One sweep over the sorted
 * boundaries, so a long article with many marks stays cheap.
 */
export function layoutEvidence(paragraphs: readonly CharRange[], marks: readonly MarkRange[]): EvidenceLayout {
  const valid = marks.flatMap((mark, i) => (mark.start < mark.end && mark.start >= 0 ? [i] : []));
  const byStart = [...valid].sort((a, b) => (marks[a] as MarkRange).start - (marks[b] as MarkRange).start);
  const byEnd = [...valid].sort((a, b) => (marks[a] as MarkRange).end - (marks[b] as MarkRange).end);
  const cuts = [...new Set(valid.flatMap((i) => [(marks[i] as MarkRange).start, (marks[i] as MarkRange).end]))].sort(
    (a, b) => a - b,
  );

  const firstSegment: (SegmentRef | null)[] = marks.map(() => null);
  const active = new Set<number>();
  let nextStart = 0;
  let nextEnd = 0;
  const layout: ParagraphLayout[] = paragraphs.map(([paragraphStart, paragraphEnd], paragraph) => {
    const points = [paragraphStart];
    for (let c = lowerBound(cuts, paragraphStart + 1); c < cuts.length && (cuts[c] as number) < paragraphEnd; c += 1) {
      points.push(cuts[c] as number);
    }
    points.push(paragraphEnd);

    const segments: Segment[] = [];
    for (let p = 0; p + 1 < points.length; p += 1) {
      const start = points[p] as number;
      const end = points[p + 1] as number;
      while (nextStart < byStart.length && (marks[byStart[nextStart] as number] as MarkRange).start <= start) {
        active.add(byStart[nextStart] as number);
        nextStart += 1;
      }
      while (nextEnd < byEnd.length && (marks[byEnd[nextEnd] as number] as MarkRange).end <= start) {
        active.delete(byEnd[nextEnd] as number);
        nextEnd += 1;
      }
      const over = [...active].sort((a, b) => a - b);
      const previous = segments.at(-1);
      if (previous && sameMarks(previous.marks, over)) {
        previous.end = end;
        continue;
      }
      for (const mark of over) firstSegment[mark] ??= { paragraph, segment: segments.length };
      segments.push({ start, end, marks: over });
    }
    return { start: paragraphStart, end: paragraphEnd, segments };
  });
  return { paragraphs: layout, firstSegment };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function sameMarks(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark === b[i]);
}
