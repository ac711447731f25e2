import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';

/** Short lists render whole (simpler for assistive technology); long ones render what is in view. */
export const VIRTUALIZE_FROM = 80;

export type VirtualListProps<T> = {
  items: readonly T[];
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T, index: number) => ReactNode;
  itemClassName?: (item: T) => string;
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

export function VirtualList<T>(props: VirtualListProps<T>) {
  if (props.items.length < VIRTUALIZE_FROM) return <WholeList {...props} />;
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
