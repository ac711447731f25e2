import type { SegmentRef } from '@/domain/evidence-layout';

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
