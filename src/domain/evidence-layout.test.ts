import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutEvidence, type MarkRange } from './evidence-layout';
import type { CharRange } from './schemas';

const cut = (paragraphs: CharRange[], marks: MarkRange[]) =>
  layoutEvidence(paragraphs, marks).paragraphs.map((p) => p.segments.map((s) => [s.start, s.end, s.marks]));

describe('layoutEvidence', () => {
  it('leaves paragraphs without marks whole', () => {
    expect(
      cut(
        [
          [0, 10],
          [12, 20],
        ],
        [],
      ),
    ).toEqual([[[0, 10, []]], [[12, 20, []]]]);
  });

  it('splits overlapping marks into segments that carry every mark over them', () => {
    expect(
      cut(
        [[0, 30]],
        [
          { start: 5, end: 15 },
          { start: 10, end: 20 },
        ],
      ),
    ).toEqual([
      [
        [0, 5, []],
        [5, 10, [0]],
        [10, 15, [0, 1]],
        [15, 20, [1]],
        [20, 30, []],
      ],
    ]);
  });

  it('handles nested and identical marks', () => {
    const marks = [
      { start: 2, end: 12 },
      { start: 4, end: 6 },
      { start: 2, end: 12 },
    ];
    expect(cut([[0, 12]], marks)).toEqual([
      [
        [0, 2, []],
        [2, 4, [0, 2]],
        [4, 6, [0, 1, 2]],
        [6, 12, [0, 2]],
      ],
    ]);
    expect(layoutEvidence([[0, 12]], marks).firstSegment).toEqual([
      { paragraph: 0, segment: 1 },
      { paragraph: 0, segment: 2 },
      { paragraph: 0, segment: 1 },
    ]);
  });

  it('splits a mark that runs across paragraphs and locates it in the first', () => {
    const layout = layoutEvidence(
      [
        [0, 10],
        [12, 20],
      ],
      [{ start: 8, end: 15 }],
    );
    expect(layout.paragraphs.map((p) => p.segments.map((s) => [s.start, s.end, s.marks]))).toEqual([
      [
        [0, 8, []],
        [8, 10, [0]],
      ],
      [
        [12, 15, [0]],
        [15, 20, []],
      ],
    ]);
    expect(layout.firstSegment).toEqual([{ paragraph: 0, segment: 1 }]);
  });

  it('gives no place to marks outside the text, empty or backwards', () => {
    const layout = layoutEvidence(
      [[0, 10]],
      [
        { start: 10, end: 11 },
        { start: 4, end: 4 },
        { start: 6, end: 3 },
        { start: -5, end: -1 },
        { start: 8, end: 50 },
      ],
    );
    expect(layout.firstSegment).toEqual([null, null, null, null, { paragraph: 0, segment: 1 }]);
    expect(layout.paragraphs[0]?.segments.map((s) => [s.start, s.end, s.marks])).toEqual([
      [0, 8, []],
      [8, 10, [4]],
    ]);
  });

  it('covers each paragraph exactly, and a segment carries a mark exactly when they overlap', () => {
    const paragraphsArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 2, maxLength: 12 })
      .map((points) => points.sort((a, b) => a - b))
      .map((points) => {
        const ranges: CharRange[] = [];
        for (let i = 0; i + 1 < points.length; i += 2) ranges.push([points[i] as number, points[i + 1] as number]);
        return ranges;
      });
    const marksArb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 210 }), fc.integer({ min: 0, max: 210 })).map(([a, b]) => ({
        start: Math.min(a, b),
        end: Math.max(a, b),
      })),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(paragraphsArb, marksArb, (paragraphs, marks) => {
        const layout = layoutEvidence(paragraphs, marks);
        layout.paragraphs.forEach((paragraph, p) => {
          const [start, end] = paragraphs[p] as CharRange;
          expect(paragraph.segments[0]?.start).toBe(start);
          expect(paragraph.segments.at(-1)?.end).toBe(end);
          paragraph.segments.forEach((segment, s) => {
            expect(segment.start).toBeLessThan(segment.end);
            if (s > 0) expect(segment.start).toBe(paragraph.segments[s - 1]?.end);
            const expected = marks.flatMap((m, i) =>
              m.start < m.end && m.start < segment.end && m.end > segment.start ? [i] : [],
            );
            expect(segment.marks).toEqual(expected);
          });
        });
        marks.forEach((mark, i) => {
          const where = layout.firstSegment[i];
          const covers =
            mark.start < mark.end && paragraphs.some(([start, end]) => mark.start < end && mark.end > start);
          expect(where !== null).toBe(covers);
          if (where) {
            const segment = layout.paragraphs[where.paragraph]?.segments[where.segment];
            expect(segment?.marks).toContain(i);
          }
        });
      }),
    );
  });
});
