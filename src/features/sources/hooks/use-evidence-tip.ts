import { useState, type RefObject } from 'react';
import { parseSegment } from './segment-elements';
import type { PaneModel } from '../model/pane-marks';

/** The tooltip's width in CSS pixels (.evidence-tip), so that it never sticks out of the pane. */
const TIP_WIDTH = 288;
const NO_MARKS: readonly number[] = [];

/** The segment a tooltip describes, and where it stands in the pane's scrolling text. */
export type TipAnchor = { paragraph: number; segment: number; top: number; left: number };

/**
 * The tooltip of a pane: what the highlight under the pointer or the focus stands for. It is
 * anchored under the segment, in the coordinates of the pane's scrolling text.
 */
export function useEvidenceTip(bodyRef: RefObject<HTMLElement | null>, model: PaneModel | null) {
  const [tip, setTip] = useState<TipAnchor | null>(null);

  const show = (element: HTMLElement) => {
    const body = bodyRef.current;
    const where = parseSegment(element.dataset.seg);
    if (!body || !where) return;
    if (tip && tip.paragraph === where.paragraph && tip.segment === where.segment) return;
    const box = element.getBoundingClientRect();
    const frame = body.getBoundingClientRect();
    setTip({
      ...where,
      top: box.bottom - frame.top + body.scrollTop + 4,
      left: Math.max(0, Math.min(box.left - frame.left + body.scrollLeft, body.clientWidth - TIP_WIDTH)),
    });
  };

  const hide = () => setTip(null);

  /** The marks over the anchored segment. */
  const over = tip ? (model?.layout.paragraphs[tip.paragraph]?.segments[tip.segment]?.marks ?? NO_MARKS) : NO_MARKS;

  return { tip, show, hide, over };
}
