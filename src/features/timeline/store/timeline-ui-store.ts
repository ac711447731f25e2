import { create } from 'zustand';

/** Where the pointer or focus is on the chart, in chart pixels, for the tooltip. */
export type PointedEvent = { id: string; x: number; y: number };

/** The chart mark with keyboard focus and its box, for the one focus ring drawn over the chart. */
export type FocusedMark = { id: string; x: number; y: number; width: number; height: number };

type TimelineUi = {
  pointed: PointedEvent | null;
  focused: FocusedMark | null;
  /** The chart mark that takes Tab focus (roving tabindex): the last one focused. */
  activeId: string | null;
  /** The details panel takes focus once after a reader opens it, not when a link opens it. */
  focusPanel: boolean;
  /**
   * The event whose details are open, mirrored from the URL (?event=) so that only the two
   * marks concerned re-render when it changes, not the whole chart.
   */
  openId: string | null;
  point: (pointed: PointedEvent | null) => void;
  focus: (focused: FocusedMark | null) => void;
  activate: (id: string) => void;
  requestPanelFocus: (value: boolean) => void;
  showOpen: (id: string | null) => void;
};

export const useTimelineUi = create<TimelineUi>()((set) => ({
  pointed: null,
  focused: null,
  activeId: null,
  focusPanel: false,
  openId: null,
  point: (pointed) => set({ pointed }),
  focus: (focused) => set({ focused }),
  activate: (activeId) => set({ activeId }),
  requestPanelFocus: (focusPanel) => set({ focusPanel }),
  showOpen: (openId) => set({ openId }),
}));
