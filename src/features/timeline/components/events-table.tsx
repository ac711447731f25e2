import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type MouseEvent } from 'react';
import type { EventFormat } from '@/domain/schemas';
import { formatDayRange } from '@/lib/format-date';
import { FORMAT_LABELS, KIND_LABELS } from '../model/labels';
import { EventStatusText } from './event-status';
import type { TimelineEvent } from '../model/timeline-data';

export const FORMAT_GLYPHS: Record<EventFormat, string> = {
  virtual: '●',
  'in-person': '■',
  unknown: '◆',
  'not-applicable': '▲',
};

export const rowButtonId = (eventId: string) => `tl-row-${eventId}`;

/** Longer tables render only the rows in and near view (a story like the large one has 300 events). */
export const VIRTUALIZE_ABOVE_ROWS = 60;
const ESTIMATED_ROW_PX = 58;

/**
 * A row's height as its ResizeObserver reports it, after the browser's own layout. The default
 * reads each row's box as it goes in, which makes the browser lay out the whole page at once in
 * the middle of drawing it; until the observer reports, a row counts as measured before, or as
 * estimated.
 */
function observedRowHeight(
  row: HTMLTableRowElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>,
): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(row);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? ESTIMATED_ROW_PX;
}

type EventsTableProps = {
  events: readonly TimelineEvent[];
  total: number;
  openId: string | null;
  onOpen: (id: string) => void;
};

/** The chart's events as a table: the same rows, in the same order, reachable by Tab. */
export const EventsTable = memo(function EventsTable({ events, total, openId, onOpen }: EventsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = events.length > VIRTUALIZE_ABOVE_ROWS;
  // eslint-disable-next-line react-hooks/incompatible-library -- read during this render only, never memoized
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    measureElement: observedRowHeight,
    getItemKey: (i) => events[i]?.id ?? i,
    overscan: 8,
    enabled: virtual,
  });
  // One handler for all rows, so a row re-renders only when its own event or open state changes.
  const handleClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-open]') : null;
    if (button?.dataset.open) onOpen(button.dataset.open);
  };

  let body;
  if (virtual) {
    const items = virtualizer.getVirtualItems();
    const before = items[0]?.start ?? 0;
    const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
    body = (
      <>
        {before > 0 ? <Spacer height={before} /> : null}
        {items.map((item) => {
          const event = events[item.index];
          return event ? (
            <EventRow
              key={item.key}
              timelineEvent={event}
              open={event.id === openId}
              rowIndex={item.index}
              measure={virtualizer.measureElement}
            />
          ) : null;
        })}
        {after > 0 ? <Spacer height={after} /> : null}
      </>
    );
  } else {
    body = events.map((event) => <EventRow key={event.id} timelineEvent={event} open={event.id === openId} />);
  }

  return (
    <div ref={scrollRef} className={virtual ? 'tl-table-scroll' : undefined}>
      <table className="events-table tl-table" aria-rowcount={virtual ? events.length + 1 : undefined}>
        <caption>
          {events.length === total ? `All ${total} events` : `${events.length} of ${total} events`} in the chart, in
          date order. A date the coverage only bounds is a range (dashed), with the phrase or record it rests on.
          {virtual ? ' The rows scroll within the table.' : ''}
        </caption>
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Kind</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col">Reported by</th>
          </tr>
        </thead>
        <tbody onClick={handleClick}>{body}</tbody>
      </table>
    </div>
  );
});

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="tl-table__spacer">
      <td colSpan={6} style={{ height }} />
    </tr>
  );
}

type RowProps = {
  timelineEvent: TimelineEvent;
  open: boolean;
  /** Set when the table is virtualized: the row's place in the whole table, and how to measure it. */
  rowIndex?: number;
  measure?: (row: HTMLTableRowElement | null) => void;
};

const EventRow = memo(function EventRow({ timelineEvent, open, rowIndex, measure }: RowProps) {
  const { event, derivation, reports } = timelineEvent;
  const outlets = [...new Set(reports.map((r) => r.outlet))];
  return (
    <tr
      ref={measure}
      data-index={rowIndex}
      aria-rowindex={rowIndex === undefined ? undefined : rowIndex + 2}
      data-event-id={event.id}
      className={open ? 'is-open' : undefined}
    >
      <td data-label="Date">
        <span className={`date date--${event.date.precision}`}>
          {formatDayRange(event.date.start, event.date.end)}
          {event.date.precision === 'range' ? <span className="visually-hidden"> (range)</span> : null}
        </span>
        {derivation ? (
          <span className="date__phrase">
            {event.date.record ? 'public record; coverage: ' : 'from '}“{derivation.phrase}”
            {derivation.outlet ? ` in ${derivation.outlet}` : ''}
          </span>
        ) : null}
      </td>
      <th scope="row" data-label="Event">
        <button
          type="button"
          id={rowButtonId(event.id)}
          className="tl-table__open"
          aria-expanded={open}
          data-open={event.id}
        >
          {event.title}
        </button>
      </th>
      <td data-label="Kind">{KIND_LABELS[event.kind].one}</td>
      <td data-label="Format">
        <span aria-hidden="true" className="tl-glyph">
          {FORMAT_GLYPHS[event.format]}
        </span>{' '}
        {FORMAT_LABELS[event.format]}
      </td>
      <td data-label="Status">
        <EventStatusText status={event.status} />
      </td>
      <td data-label="Reported by">{outlets.join(', ') || '—'}</td>
    </tr>
  );
});
