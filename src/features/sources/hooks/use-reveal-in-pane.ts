import { useEffect, type RefObject } from 'react';
import { segmentElement } from './segment-elements';
import { scrollWithin } from '../dom';
import type { PaneModel } from '../model/pane-marks';
import { useSourcesUi, type PassageFocus } from '../store/sources-ui-store';

/**
 * Scrolls a pane's text to what the reader asked for elsewhere: the first evidence of a newly
 * selected claim (except in the pane whose highlight selected it), and a followed shared passage
 * (except in the pane it was followed from), or the one copy of it the reader stepped to.
 */
export function useRevealInPane(
  bodyRef: RefObject<HTMLElement | null>,
  model: PaneModel | null,
  articleId: string,
  selectedClaim: string | null,
  passageFocus: PassageFocus | null,
) {
  useEffect(() => {
    if (!model || selectedClaim === null) return;
    const origin = useSourcesUi.getState().selectionOrigin;
    if (origin?.claim === selectedClaim && origin.article === articleId) return;
    const first = model.marks.findIndex(
      (mark, i) => mark.kind === 'evidence' && mark.claim === selectedClaim && model.layout.firstSegment[i],
    );
    const element = segmentElement(bodyRef.current, model.layout.firstSegment[first]);
    if (element && bodyRef.current) scrollWithin(bodyRef.current, element, { page: false });
  }, [bodyRef, model, selectedClaim, articleId]);

  useEffect(() => {
    if (!model || !passageFocus || passageFocus.from === articleId) return;
    const { copy } = passageFocus;
    if (copy && copy.article !== articleId) return;
    const first = model.marks.findIndex(
      (mark, i) =>
        mark.kind === 'passage' &&
        mark.passage.id === passageFocus.passage &&
        (!copy || mark.start === copy.start) &&
        model.layout.firstSegment[i],
    );
    const element = segmentElement(bodyRef.current, model.layout.firstSegment[first]);
    // A copy stepped to is brought into view, page included; a followed passage moves the panes only.
    if (element && bodyRef.current) scrollWithin(bodyRef.current, element, { page: Boolean(copy) });
  }, [bodyRef, model, passageFocus, articleId]);
}
