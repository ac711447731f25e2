import { useLiveUpdates } from './use-live-updates';

/** Mounts the live updates where a component fits better than a hook (a lazily loaded chunk). */
export function LiveUpdates() {
  useLiveUpdates();
  return null;
}
