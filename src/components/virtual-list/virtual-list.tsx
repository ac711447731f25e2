import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { isWindowed } from './window-from';
import './virtual-list.css';

export type VirtualListProps<T> = {
  items: readonly T[];
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T, index: number) => ReactNode;
  itemClassName?: (item: T) => string;
  /** A first guess at an item's height; windowed items are measured once drawn. */
  estimateSize: number;
  className: string;
  label?: string;
  /** An item to bring into view when it changes (the selected one). */
  revealIndex?: number;
};

// Only long lists need the virtualizer, so it loads with the first long list, not with the view.
const WindowedList = lazy(() => import('./windowed-list').then((m) => ({ default: m.WindowedList }))) as <T>(
  props: VirtualListProps<T>,
) => ReactNode;

/**
 * A scrolling list: whole while short (simpler for assistive technology, and find-in-page works),
 * windowed from WINDOW_FROM items on. The matrix grid windows its rows and columns with the same
 * threshold through useWindowedAxis.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  if (!isWindowed(props.items.length)) return <WholeList {...props} />;
  return (
    <Suspense fallback={<p role="status">Loading the list…</p>}>
      <WindowedList {...props} />
    </Suspense>
  );
}

function WholeList<T>({
  items,
  itemKey,
  renderItem,
  itemClassName,
  className,
  label,
  revealIndex,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = scrollRef.current;
    if (revealIndex === undefined || revealIndex < 0 || !container) return;
    const element = container.querySelector<HTMLElement>(`[data-index="${revealIndex}"]`);
    if (!element) return;
    const top = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
    if (top < 0 || top + element.offsetHeight > container.clientHeight) container.scrollTop += top;
  }, [revealIndex]);
  return (
    <div className={`vlist ${className}`} ref={scrollRef}>
      <ul className="vlist__items" aria-label={label}>
        {items.map((item, i) => (
          <li key={itemKey(item, i)} data-index={i} className={itemClassName?.(item)}>
            {renderItem(item, i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
