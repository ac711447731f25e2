import { create } from 'zustand';

/**
 * How to take back the latest change: its undo route and the version the change produced
 * (POST to an undo route unless told otherwise), and what to take back after it, if the
 * change was made in two steps (a new claim, then its evidence).
 */
export type UndoTicket = { path: string; version: number; method?: 'POST' | 'DELETE'; then?: UndoTicket };

export type DeskNotice = {
  text: string;
  undo: UndoTicket | null;
  nonce: number;
  /** Where the change was made (a pane of Sources), so only that place shows it; null: the claim view. */
  where: string | null;
};

type UndoState = {
  /** The latest change made here, announced, with its undo while it is the latest. */
  notice: DeskNotice | null;
  show: (text: string, undo: UndoTicket | null, where?: string | null) => void;
  clear: () => void;
};

let nonce = 0;

export const useDeskNotice = create<UndoState>()((set) => ({
  notice: null,
  show: (text, undo, where = null) => set({ notice: { text, undo, nonce: (nonce += 1), where } }),
  clear: () => set({ notice: null }),
}));
