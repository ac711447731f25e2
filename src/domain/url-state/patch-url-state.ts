import type { UrlState } from './url-state-schema';

/**
 * A state with some fields changed. The open matrix cell is a column of the open claim's row, so a
 * patch that opens another claim (or closes it) without naming a cell closes the cell too: otherwise
 * a claim chosen in Sources would reopen, in the matrix, the column of a claim shown before.
 */
export function patchUrlState(state: UrlState, patch: Partial<UrlState>): UrlState {
  const next = { ...state, ...patch };
  if (next.claim !== state.claim && !('cell' in patch)) next.cell = null;
  return next;
}
