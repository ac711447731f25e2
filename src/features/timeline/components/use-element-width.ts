import { useLayoutEffect, useState, type RefObject } from 'react';

/** Width used where the browser cannot measure (no ResizeObserver, e.g. jsdom). */
const UNMEASURED_WIDTH = 960;

const canMeasure = () => typeof ResizeObserver !== 'undefined';

/**
 * The element's content width, kept current as it resizes; whole pixels so small jitters do not
 * re-render. Null until first measured (before the first paint), so that a chart is drawn once
 * at its real width rather than first at a guess and at once again: on the large story × 4 the
 * second drawing of every mark was most of the timeline's first render.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(() => (canMeasure() ? null : UNMEASURED_WIDTH));
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !canMeasure()) return;
    const measure = () => {
      const next = Math.floor(element.getBoundingClientRect().width);
      setWidth(next > 0 ? next : (current) => current ?? UNMEASURED_WIDTH);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
