import { useLayoutEffect, useState, type RefObject } from 'react';

/** Width used where the browser cannot measure (no ResizeObserver, e.g. jsdom). */
const UNMEASURED_WIDTH = 960;

/** The element's content width, kept current as it resizes; whole pixels so small jitters do not re-render. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(UNMEASURED_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const next = Math.floor(element.getBoundingClientRect().width);
      if (next > 0) setWidth(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
