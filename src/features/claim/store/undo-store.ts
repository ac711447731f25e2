import { create } from 'zustand';

/** How to take back the latest change: its undo route and the version the change produced. */
export type UndoTicket = { path: string; version: number };

export type DeskNotice = { text: string; undo: UndoTicket | null; nonce: number };

type UndoState = {
  /** The latest change made here, announced, with its undo while it is the latest. */
  notice: DeskNotice | null;
  show: (text: string, undo: UndoTicket | null) => void;
  clear: () => void;
};

let nonce = 0;

export const useDeskNotice = create<UndoState>()((set) => ({
  notice: null,
  show: (text, undo) => set({ notice: { text, undo, nonce: (nonce += 1) } }),
  clear: () => set({ notice: null }),
}));
