import { useLayoutEffect, useMemo, useState, useSyncExternalStore, type RefObject } from 'react';
import { COMPACT_LAYOUT, COMPACT_QUERY, WIDE_LAYOUT, wideLayout, type FixedLayout } from '../model/grid-layout';

const query = () => (typeof window.matchMedia === 'function' ? window.matchMedia(COMPACT_QUERY) : null);

function subscribe(onChange: () => void) {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/**
 * The inner width of the grid's scroller, followed as the window, the zoom or the detail panel
 * change it. Measured once before the first paint, so the grid is never drawn at the default
 * width and then widened when the observer first reports (a frame or more later).
 */
function useInnerWidth(scrollRef: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef]);
  return width;
}

/**
 * The fixed columns' layout for the screen's width, following it when the window or the zoom
 * changes: compact on phones; on wide screens the claim column takes the room the sources leave.
 */
export function useFixedLayout(scrollRef: RefObject<HTMLElement | null>, sourceCount: number): FixedLayout {
  const compact = useSyncExternalStore(subscribe, () => query()?.matches ?? false);
  const width = useInnerWidth(scrollRef);
  return useMemo(
    () => (compact ? COMPACT_LAYOUT : width === null ? WIDE_LAYOUT : wideLayout(width, sourceCount)),
    [compact, width, sourceCount],
  );
}
