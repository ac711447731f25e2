/*
 * The parts of the view that are not needed to draw the panes and the lists: they load in a
 * chunk of their own right after the view, so the first view's JavaScript stays small.
 */
export { EvidenceTip } from './evidence-tip';
export { KeysList } from './keys-help';
export { Legend } from './legend';
export { PassageBar } from './passage-bar';
export { SelectedClaim } from './selected-claim';
