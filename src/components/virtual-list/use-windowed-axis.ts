import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useMemo, type Key, type RefObject } from 'react';
import { isWindowed } from './window-from';

/** Where one item of a list or one row or column of a grid sits along its axis. */
export type Slot = { index: number; start: number; size: number; key: Key };

export type WindowedAxisOptions = {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** The item's size in CSS pixels: exact for a grid, an estimate that is then measured for a list. */
  size: (index: number) => number;
  itemKey: (index: number) => Key;
  horizontal?: boolean;
  /** Room before the first item (a sticky header row, fixed columns). */
  paddingStart?: number;
  overscan?: number;
  /** An item that stays in the page even when scrolled out of view (the focused one keeps the tab stop). */
  keep?: number;
};

export type WindowedAxis = {
  /** False below WINDOW_FROM items: then `slots` holds every item. */
  windowed: boolean;
  slots: readonly Slot[];
  /** Length of the whole axis, for the box that scrolls. */
  totalSize: number;
  /** For a list whose items are measured once drawn. */
  measureElement: (element: Element | null) => void;
  scrollToIndex: (index: number) => void;
};

/**
 * One axis of windowing over @tanstack/react-virtual, shared by the lists and the matrix grid, so that
 * all of them start windowing at the same count. Sizes come from `size`; nothing needs measuring unless
 * the caller passes `measureElement` to its items.
 */
export function useWindowedAxis({
  count,
  scrollRef,
  size,
  itemKey,
  horizontal = false,
  paddingStart = 0,
  overscan = 4,
  keep = -1,
}: WindowedAxisOptions): WindowedAxis {
  const windowed = isWindowed(count);
  const getScrollElement = useCallback(() => scrollRef.current, [scrollRef]);
  const rangeExtractor = useCallback((range: Range) => withIndex(range, keep), [keep]);
  // The virtualizer's results are read during this render only, never memoized from outside it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    horizontal,
    getScrollElement,
    estimateSize: size,
    getItemKey: itemKey,
    paddingStart,
    overscan,
    rangeExtractor,
    enabled: windowed,
  });
  const all = useMemo(
    () => (windowed ? null : everySlot(count, size, itemKey, paddingStart)),
    [windowed, count, size, itemKey, paddingStart],
  );
  const scrollToIndex = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    [virtualizer],
  );
  return {
    windowed,
    slots: all ?? virtualizer.getVirtualItems(),
    totalSize: all ? totalOf(all, paddingStart) : virtualizer.getTotalSize(),
    measureElement: virtualizer.measureElement,
    scrollToIndex,
  };
}

function everySlot(count: number, size: (index: number) => number, key: (index: number) => Key, start: number) {
  const slots: Slot[] = [];
  let at = start;
  for (let index = 0; index < count; index += 1) {
    const length = size(index);
    slots.push({ index, start: at, size: length, key: key(index) });
    at += length;
  }
  return slots;
}

const totalOf = (slots: readonly Slot[], paddingStart: number) => {
  const last = slots.at(-1);
  return last ? last.start + last.size : paddingStart;
};

function withIndex(range: Range, extra: number): number[] {
  const indexes = defaultRangeExtractor(range);
  if (extra < 0 || extra >= range.count || indexes.includes(extra)) return indexes;
  return [...indexes, extra].sort((a, b) => a - b);
}
