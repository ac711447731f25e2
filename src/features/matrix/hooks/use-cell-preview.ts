import { useMemo, type FocusEvent, type PointerEvent, type RefObject } from 'react';
import { usePreviewStore, type CellPreviewTarget } from '../store/preview-store';

const hide = (by: CellPreviewTarget['by'] | 'all') => usePreviewStore.getState().hide(by);

/**
 * The floating evidence preview of the cell under the pointer or, else, the focused cell. The
 * preview lives in its own store, so hovering re-renders the preview only, never the grid.
 */
export function useCellPreview(gridRef: RefObject<HTMLElement | null>) {
  return useMemo(
    () => ({
      hideAll: () => hide('all'),
      onFocus: (event: FocusEvent<HTMLElement>) => {
        const cell = event.target.closest<HTMLElement>('[data-pos]');
        if (cell) previewFrom(cell, 'focus');
      },
      onBlur: (event: FocusEvent<HTMLElement>) => {
        if (!gridRef.current?.contains(event.relatedTarget)) hide('focus');
      },
      onPointerOver: (event: PointerEvent<HTMLElement>) => {
        const element = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
        if (element) previewFrom(element, 'pointer');
        else hide('pointer');
      },
      onPointerLeave: () => hide('pointer'),
    }),
    [gridRef],
  );
}

/** Shows the preview for a cell that has evidence (`data-cell="claim column"`), else hides it. */
function previewFrom(element: HTMLElement | null, by: 'pointer' | 'focus') {
  const [claimId, columnId] = (element?.dataset.cell ?? '').split(' ');
  const store = usePreviewStore.getState();
  if (!element || !claimId || !columnId) {
    store.hide(by);
    return;
  }
  const current = by === 'pointer' ? store.pointer : store.focus;
  if (current?.claimId === claimId && current.columnId === columnId) return;
  const rect = element.getBoundingClientRect();
  store.show({ claimId, columnId, left: rect.left, top: rect.top, bottom: rect.bottom, by });
}
