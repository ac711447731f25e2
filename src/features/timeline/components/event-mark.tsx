import { memo, useCallback } from 'react';
import type { EventFormat } from '@/domain/schemas';
import { MARK_RADIUS, type PlacedEvent } from '../model/lane-layout';
import type { TimelineEvent } from '../model/timeline-data';

type FormatSymbolProps = { format: EventFormat; cx: number; cy: number; r: number };

/** Format by shape: virtual ●, in person ■, not yet known ◆, not a meeting ▲. */
export function FormatSymbol({ format, cx, cy, r }: FormatSymbolProps) {
  switch (format) {
    case 'virtual':
      return <circle className="tl-symbol" cx={cx} cy={cy} r={r} />;
    case 'in-person':
      return <rect className="tl-symbol" x={cx - r} y={cy - r} width={2 * r} height={2 * r} />;
    case 'unknown':
      return (
        <polygon
          className="tl-symbol"
          points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`}
        />
      );
    case 'not-applicable':
      return (
        <polygon className="tl-symbol" points={`${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`} />
      );
  }
}

type EventMarkProps = {
  timelineEvent: TimelineEvent;
  placed: PlacedEvent;
  /** Pixel extent of the event's days, clipped to the plot; cy the row's middle. */
  x0: number;
  x1: number;
  cy: number;
  ariaLabel: string;
  tabbable: boolean;
  /** The event shown in the details panel. */
  open: boolean;
};

/**
 * One event on the chart: a symbol for a day, a bar for a range. Status by style: held solid,
 * planned outlined, postponed dashed and slashed, cancelled dashed and crossed out.
 */
export const EventMark = memo(function EventMark({
  timelineEvent,
  placed,
  x0,
  x1,
  cy,
  ariaLabel,
  tabbable,
  open,
}: EventMarkProps) {
  const { event } = timelineEvent;
  // SVG attribute names are case-sensitive and the one browsers read is `tabindex`. The renderer
  // the app ships on writes an SVG element's props under the name given (`tabIndex`), so the
  // attribute is set here, which is right under either renderer.
  const focusable = useCallback(
    (mark: SVGGElement | null) => mark?.setAttribute('tabindex', tabbable ? '0' : '-1'),
    [tabbable],
  );
  const isRange = event.date.precision === 'range';
  const cx = (x0 + x1) / 2;
  const r = isRange ? MARK_RADIUS - 1 : MARK_RADIUS;
  const struck = event.status === 'postponed' || event.status === 'cancelled';
  const left = isRange ? x0 : cx - r - 1;
  const right = isRange ? x1 : cx + r + 1;
  const labelX = placed.labelSide === 'left' ? left - 6 : right + 6;
  return (
    <g
      className={`tl-mark tl-mark--${event.kind} tl-mark--${event.status}${isRange ? ' tl-mark--range' : ''}${open ? ' is-open' : ''}`}
      data-event-id={event.id}
      data-status={event.status}
      data-precision={event.date.precision}
      data-format={event.format}
      role="button"
      ref={focusable}
      aria-label={ariaLabel}
      aria-expanded={open}
    >
      {open ? (
        <rect
          className="tl-mark__open"
          x={left - 4}
          y={cy - r - 4}
          width={right - left + 8}
          height={2 * r + 8}
          rx={4}
        />
      ) : null}
      {isRange ? (
        <rect className="tl-mark__range" x={x0} y={cy - 5} width={Math.max(2, x1 - x0)} height={10} rx={3} />
      ) : null}
      <FormatSymbol format={event.format} cx={cx} cy={cy} r={r} />
      {struck ? (
        <line
          className="tl-mark__strike"
          x1={left - 2}
          y1={isRange ? cy : cy + r + 2}
          x2={right + 2}
          y2={isRange ? cy : cy - r - 2}
        />
      ) : null}
      {event.status === 'cancelled' ? (
        <line className="tl-mark__strike" x1={left - 2} y1={cy - r - 2} x2={right + 2} y2={cy + r + 2} />
      ) : null}
      {placed.label ? (
        <text
          className="tl-mark__label"
          x={labelX}
          y={cy}
          dy="0.35em"
          textAnchor={placed.labelSide === 'left' ? 'end' : 'start'}
        >
          {placed.label}
        </text>
      ) : null}
    </g>
  );
});
