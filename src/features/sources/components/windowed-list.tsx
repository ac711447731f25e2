import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { VirtualListProps } from './virtual-list';

/** A long list that renders only the rows in view (and a few around them). */
export function WindowedList<T>({
  items,
  itemKey,
  renderItem,
  itemClassName,
  estimateSize,
  className,
  label,
  revealIndex,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable options: the virtualizer re-measures every row whenever these functions change.
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimate = useCallback(() => estimateSize, [estimateSize]);
  const getItemKey = useCallback((i: number) => itemKey(items[i] as T, i), [items, itemKey]);
  // The virtualizer stays inside this component and nothing memoized is built from it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement,
    estimateSize: estimate,
    getItemKey,
    overscan: 8,
  });
  useEffect(() => {
    if (revealIndex !== undefined && revealIndex >= 0) virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
  }, [revealIndex, virtualizer]);
  return (
    <div className={`vlist ${className}`} ref={scrollRef}>
      <ul
        className="vlist__items vlist__items--windowed"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index] as T;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={itemClassName?.(item)}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {renderItem(item, row.index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
