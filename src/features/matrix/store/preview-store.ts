import { create } from 'zustand';

/** The cell whose evidence shows in the floating preview, and where on screen it is. */
export type CellPreviewTarget = {
  claimId: string;
  columnId: string;
  /** Viewport coordinates of the cell. */
  left: number;
  top: number;
  bottom: number;
  /** Pointer previews win over focus previews while the pointer is over a cell. */
  by: 'pointer' | 'focus';
};

type PreviewState = {
  pointer: CellPreviewTarget | null;
  focus: CellPreviewTarget | null;
  show: (target: CellPreviewTarget) => void;
  hide: (by: CellPreviewTarget['by'] | 'all') => void;
};

/** Lives outside the grid so that hovering re-renders the preview only, not the grid. */
export const usePreviewStore = create<PreviewState>()((set) => ({
  pointer: null,
  focus: null,
  show: (target) => set(target.by === 'pointer' ? { pointer: target } : { focus: target }),
  hide: (by) =>
    set(by === 'all' ? { pointer: null, focus: null } : by === 'pointer' ? { pointer: null } : { focus: null }),
}));
