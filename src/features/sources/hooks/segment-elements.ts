import type { SegmentRef } from '@/domain/evidence-layout';
import type { PaneModel } from '../model/pane-marks';

/*
 * Every marked piece of a pane's text carries `data-seg="paragraph.segment"`: the handlers of a
 * pane find the segment (and so its marks) from the element an event or a step lands on.
 */

export function parseSegment(value: string | undefined): SegmentRef | null {
  const match = /^(\d+)\.(\d+)$/.exec(value ?? '');
  return match ? { paragraph: Number(match[1]), segment: Number(match[2]) } : null;
}

export function segmentElement(body: HTMLElement | null, where: SegmentRef | null | undefined): HTMLElement | null {
  if (!body || !where) return null;
  return body.querySelector<HTMLElement>(`[data-seg="${where.paragraph}.${where.segment}"]`);
}

/** Every piece of text a mark covers, in reading order (a highlight split by other marks has several). */
export function markElements(body: HTMLElement, model: PaneModel, mark: number): HTMLElement[] {
  const elements: HTMLElement[] = [];
  model.layout.paragraphs.forEach((paragraph, p) => {
    paragraph.segments.forEach((segment, s) => {
      if (!segment.marks.includes(mark)) return;
      const element = segmentElement(body, { paragraph: p, segment: s });
      if (element) elements.push(element);
    });
  });
  return elements;
}
