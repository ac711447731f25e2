import { create } from 'zustand';

/**
 * The shared passage the reader followed, the pane they followed it from, and the copy they
 * stepped to (an article and where the passage starts in it), when they stepped through its copies.
 */
export type PassageFocus = {
  passage: string;
  from: string;
  nonce: number;
  copy?: { article: string; start: number };
};

type SourcesUiState = {
  /** Single-key shortcuts (j/k, n/p) can be turned off, for speech input and screen readers. */
  shortcuts: boolean;
  setShortcuts: (on: boolean) => void;
  /** The latest status message for screen readers; `nonce` repeats an identical message. */
  announcement: { text: string; nonce: number };
  announce: (text: string) => void;
  /** The shared passage the reader followed, and the pane they followed it from. */
  passageFocus: PassageFocus | null;
  followPassage: (passage: string, from: string) => void;
  showCopy: (passage: string, copy: { article: string; start: number }) => void;
  clearPassage: () => void;
  /** The pane whose highlight selected the claim: it keeps its scroll position. */
  selectionOrigin: { claim: string; article: string } | null;
  setSelectionOrigin: (origin: { claim: string; article: string } | null) => void;
};

let nonce = 0;

export const useSourcesUi = create<SourcesUiState>()((set) => ({
  shortcuts: true,
  setShortcuts: (shortcuts) => set({ shortcuts }),
  announcement: { text: '', nonce: 0 },
  announce: (text) => set({ announcement: { text, nonce: (nonce += 1) } }),
  passageFocus: null,
  followPassage: (passage, from) => set({ passageFocus: { passage, from, nonce: (nonce += 1) } }),
  showCopy: (passage, copy) => set({ passageFocus: { passage, from: '', copy, nonce: (nonce += 1) } }),
  clearPassage: () => set({ passageFocus: null }),
  selectionOrigin: null,
  setSelectionOrigin: (selectionOrigin) => set({ selectionOrigin }),
}));

/** Back to the initial state, for tests. */
export function resetSourcesUi(): void {
  useSourcesUi.setState({
    shortcuts: true,
    announcement: { text: '', nonce: 0 },
    passageFocus: null,
    selectionOrigin: null,
  });
}
