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

  /**
   * Shows the tooltip of `element`'s segment, under it, or under all of `extent` (the whole
   * highlight a step landed on), so that it never covers the words the reader was taken to.
   */
  const show = (element: HTMLElement, extent: readonly HTMLElement[] = []) => {
    const body = bodyRef.current;
    const where = parseSegment(element.dataset.seg);
    if (!body || !where) return;
    const box = element.getBoundingClientRect();
    const frame = body.getBoundingClientRect();
    const bottom = Math.max(box.bottom, ...extent.map((piece) => piece.getBoundingClientRect().bottom));
    const top = bottom - frame.top + body.scrollTop + 4;
    if (tip && tip.paragraph === where.paragraph && tip.segment === where.segment && tip.top >= top) return;
    setTip({
      ...where,
      top,
      left: Math.max(0, Math.min(box.left - frame.left + body.scrollLeft, body.clientWidth - TIP_WIDTH)),
    });
  };

  const hide = () => setTip(null);

  /** The marks over the anchored segment. */
  const over = tip ? (model?.layout.paragraphs[tip.paragraph]?.segments[tip.segment]?.marks ?? NO_MARKS) : NO_MARKS;

  return { tip, show, hide, over };
}
