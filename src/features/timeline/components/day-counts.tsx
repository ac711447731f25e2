import { memo, useState, type KeyboardEvent } from 'react';
import { formatDayNumber, KIND_LABELS } from '../model/labels';
import type { DayCount } from '../model/lane-layout';
import type { DayWindow } from '../model/timeline-window';

/** Opening a day's count zooms to the week around it, where its events are drawn one by one. */
const ZOOM_DAYS_EACH_SIDE = 3;
/** Room above the highest bar for its count. */
const COUNT_TEXT_ROOM = 13;

type DayCountsProps = {
  counts: readonly DayCount[];
  /** Pixel x of the start of a day; the plot's left and right edges, to clip to. */
  x: (day: number) => number;
  plotLeft: number;
  plotRight: number;
  /** Pixel y of each lane's top and its height, by kind. */
  laneTop: (kind: DayCount['kind']) => number;
  laneHeight: number;
  onZoom: (window: DayWindow, byKeyboard: boolean) => void;
};

export function dayCountLabel({ kind, day, events }: DayCount): string {
  const what = events.length === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many.toLowerCase();
  return `${events.length} ${what} on ${formatDayNumber(day)}; opens the week around it`;
}

/**
 * A dense chart's events, counted per lane and day: one bar each, as high as its count against
 * the busiest day, with the count written where there is room (and said in full by its name;
 * no <title> beside it: hundreds of elements more for what the bar and its number show). Each bar is a button that zooms
 * to its week; one tab stop for all of them, arrow keys move between them (by day, then lane).
 */
export const DayCounts = memo(function DayCounts({
  counts,
  x,
  plotLeft,
  plotRight,
  laneTop,
  laneHeight,
  onZoom,
}: DayCountsProps) {
  const [active, setActive] = useState(0);
  const most = counts.reduce((n, count) => Math.max(n, count.events.length), 1);
  const tabbable = Math.min(active, counts.length - 1);
  const zoom = (count: DayCount | undefined, byKeyboard: boolean) => {
    if (count) onZoom({ start: count.day - ZOOM_DAYS_EACH_SIDE, end: count.day + ZOOM_DAYS_EACH_SIDE }, byKeyboard);
  };
  const indexOf = (target: EventTarget) =>
    target instanceof Element ? Number(target.closest<SVGGElement>('[data-count]')?.dataset.count ?? -1) : -1;
  const moveTo = (layer: SVGGElement, to: number) => {
    const next = Math.min(counts.length - 1, Math.max(0, to));
    setActive(next);
    layer.querySelector<SVGGElement>(`[data-count="${next}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const at = indexOf(event.target);
    if (at < 0) return;
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: counts.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      zoom(counts[at], true);
    } else if (event.key in moves) {
      event.preventDefault();
      moveTo(event.currentTarget, moves[event.key] ?? at);
    }
  };

  return (
    <g
      className="tl-events tl-events--counted"
      onKeyDown={onKeyDown}
      onClick={(event) => zoom(counts[indexOf(event.target)], false)}
    >
      {counts.map((count, i) => {
        const left = Math.max(plotLeft, x(count.day));
        const width = Math.max(1, Math.min(plotRight, x(count.day + 1)) - left);
        const height = 3 + (count.events.length / most) * (laneHeight - COUNT_TEXT_ROOM - 5);
        const bottom = laneTop(count.kind) + laneHeight - 2;
        const label = dayCountLabel(count);
        return (
          <g
            key={`${count.kind} ${count.day}`}
            className={`tl-count tl-count--${count.kind}`}
            role="button"
            // As on the event marks: the attribute SVG reads is `tabindex`, set so under either renderer.
            ref={(mark) => mark?.setAttribute('tabindex', i === tabbable ? '0' : '-1')}
            data-count={i}
            aria-label={label}
            onFocus={() => setActive(i)}
          >
            <rect
              className="tl-count__bar"
              x={left + (width > 3 ? 0.5 : 0)}
              y={bottom - height}
              width={width > 3 ? width - 1 : width}
              height={height}
            />
            {width >= 14 ? (
              <text className="tl-count__text" x={left + width / 2} y={bottom - height - 2} textAnchor="middle">
                {count.events.length}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
