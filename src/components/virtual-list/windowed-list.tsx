import { useCallback, useEffect, useRef } from 'react';
import { useWindowedAxis } from './use-windowed-axis';
import type { VirtualListProps } from './virtual-list';

/** A long list that renders only the items in view (and a few around them), each measured once drawn. */
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
  // Stable options: the virtualizer re-measures every item whenever these functions change.
  const size = useCallback(() => estimateSize, [estimateSize]);
  const key = useCallback((i: number) => itemKey(items[i] as T, i), [items, itemKey]);
  const axis = useWindowedAxis({ count: items.length, scrollRef, size, itemKey: key, overscan: 8 });
  const { scrollToIndex } = axis;
  useEffect(() => {
    if (revealIndex !== undefined && revealIndex >= 0) scrollToIndex(revealIndex);
  }, [revealIndex, scrollToIndex]);
  return (
    <div className={`vlist ${className}`} ref={scrollRef}>
      <ul className="vlist__items vlist__items--windowed" aria-label={label} style={{ height: axis.totalSize }}>
        {axis.slots.map((slot) => {
          const item = items[slot.index] as T;
          return (
            <li
              key={slot.key}
              data-index={slot.index}
              ref={axis.measureElement}
              className={itemClassName?.(item)}
              style={{ transform: `translateY(${slot.start}px)` }}
            >
              {renderItem(item, slot.index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
