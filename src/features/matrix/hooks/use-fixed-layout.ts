import { useSyncExternalStore } from 'react';
import { COMPACT_LAYOUT, COMPACT_QUERY, WIDE_LAYOUT, type FixedLayout } from '../model/grid-layout';

const query = () => (typeof window.matchMedia === 'function' ? window.matchMedia(COMPACT_QUERY) : null);

function subscribe(onChange: () => void) {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** The fixed columns' layout for the screen's width, following it when the window or the zoom changes. */
export function useFixedLayout(): FixedLayout {
  const compact = useSyncExternalStore(subscribe, () => query()?.matches ?? false);
  return compact ? COMPACT_LAYOUT : WIDE_LAYOUT;
}
