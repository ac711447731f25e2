import { useMemo, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { markElements, segmentElement } from './segment-elements';
import { scrollWithin } from '../dom';
import { navigationTargets, type PaneModel } from '../model/pane-marks';

/**
 * Stepping through a pane's highlights (n / p, or the arrows): the spans of the selected claim, or
 * every highlight when none is selected. `current` is the place among them, -1 before the first step.
 * `onLand` runs with the highlight stepped to and all its pieces, before the focus moves to it.
 */
export function useMarkCursor(
  bodyRef: RefObject<HTMLElement | null>,
  model: PaneModel | null,
  selectedClaim: string | null,
  onLand: (element: HTMLElement, extent: readonly HTMLElement[]) => void,
) {
  const targets = useMemo(() => (model ? navigationTargets(model, selectedClaim) : []), [model, selectedClaim]);
  const [cursor, setCursor] = useState<{ claim: string | null; mark: number } | null>(null);
  // A new selection starts the count again.
  const current = cursor && cursor.claim === selectedClaim ? targets.indexOf(cursor.mark) : -1;

  const step = (direction: 1 | -1) => {
    const body = bodyRef.current;
    if (!model || !body || targets.length === 0) return;
    const at =
      current === -1
        ? direction === 1
          ? 0
          : targets.length - 1
        : (current + direction + targets.length) % targets.length;
    const mark = targets[at] as number;
    const element = segmentElement(body, model.layout.firstSegment[mark]);
    if (!element) return;
    // The details are drawn before focus lands, so a screen reader reads the right description.
    flushSync(() => {
      setCursor({ claim: selectedClaim, mark });
      onLand(element, markElements(body, model, mark));
    });
    element.focus({ preventScroll: true });
    scrollWithin(body, element);
  };

  return { targets, current, step };
}
