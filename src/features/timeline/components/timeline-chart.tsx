import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { CartesianGrid, ComposedChart, usePlotArea, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { EventKind } from '@/domain/schemas';
import {
  CHART_MARGIN,
  chartHeightFor,
  dayTicks,
  plotWidthOf,
  PUBLICATION_ROWS,
  ROW_HEIGHT,
  X_AXIS_HEIGHT,
} from '../model/chart-geometry';
import { eventMarkLabel, formatDayNumber, KIND_LABELS } from '../model/labels';
import { chartLanes, dayToX, type LaneLayout } from '../model/lane-layout';
import type { PublicationDay, TimelineEvent } from '../model/timeline-data';
import type { DayWindow } from '../model/timeline-window';
import { useTimelineUi } from '../store/timeline-ui-store';
import { EventMark } from './event-mark';
import { PublicationMarks } from './publication-marks';
import { ChartTooltip } from './chart-tooltip';
import { DayCounts } from './day-counts';
import { useElementWidth } from './use-element-width';

type TimelineChartProps = {
  events: readonly TimelineEvent[];
  publications: readonly PublicationDay[];
  articleCount: number;
  shown: DayWindow;
  kinds: readonly EventKind[];
  onOpen: (id: string) => void;
  /** Zooms the chart, as the overview's brush does. */
  onZoom: (window: DayWindow) => void;
  label: string;
  /** The chart's name when it counts events per day instead of drawing each. */
  denseLabel: string;
  describedBy: string;
  containerRef: React.RefObject<HTMLDivElement | null>;
};

/**
 * The grid draws no horizontal lines, but recharts works out where they would go unless told:
 * for the hidden lane axis that means measuring its tick labels in the DOM on every draw.
 */
const noHorizontalLines = () => [];

const tickLabel = (value: number) => formatDayNumber(Math.floor(value)).replace(/ \d{4}$/, '');

/**
 * A day's tick label as one plain text element. recharts' own tick text is given the axis width
 * to wrap in, and so measures every word of every label in the DOM first; a day's label fits.
 */
function DayTick({ x, y, payload, className, fill }: XAxisTickContentProps) {
  return (
    <text x={x} y={y} dy="0.71em" textAnchor="middle" fill={fill} className={className}>
      {tickLabel(Number(payload.value))}
    </text>
  );
}

/** The events on a date axis in lanes by kind, with the publication dates in a lane of their own. */
export const TimelineChart = memo(function TimelineChart(props: TimelineChartProps) {
  const { events, containerRef } = props;
  const width = useElementWidth(containerRef);
  return (
    <div className="tl-chart" ref={containerRef}>
      {/* Drawn once its width is known (before the first paint), not at a guess first. */}
      {width === null ? null : <SizedChart {...props} width={width} />}
      <ChartTooltip events={events} />
    </div>
  );
});

function SizedChart(props: TimelineChartProps & { width: number }) {
  const { events, shown, kinds, width } = props;
  const plotWidth = plotWidthOf(width);
  const layout = useMemo(() => chartLanes(events, kinds, shown, plotWidth), [events, kinds, shown, plotWidth]);
  const ticks = useMemo(() => dayTicks(shown, plotWidth), [shown, plotWidth]);
  const totalRows = layout.rows + PUBLICATION_ROWS;
  const domain = useMemo(() => [shown.start, shown.end + 1], [shown]);
  const yDomain = useMemo(() => [0, totalRows], [totalRows]);

  return (
    <>
      <ComposedChart
        width={width}
        height={chartHeightFor(layout.rows)}
        margin={CHART_MARGIN}
        accessibilityLayer={false}
        role="group"
        aria-label={layout.counts ? props.denseLabel : props.label}
        aria-describedby={props.describedBy}
      >
        <XAxis
          type="number"
          dataKey="day"
          domain={domain}
          allowDataOverflow
          ticks={ticks}
          interval={0}
          tick={DayTick}
          height={X_AXIS_HEIGHT}
          stroke="currentColor"
        />
        <YAxis type="number" hide domain={yDomain} allowDataOverflow reversed />
        <CartesianGrid horizontal={false} horizontalCoordinatesGenerator={noHorizontalLines} strokeDasharray="2 4" />
        <ChartLayer {...props} layout={layout} />
      </ComposedChart>
      {layout.counts ? (
        <p className="tl-chart__note">
          {events.length} events in view, counted per day: open a day’s count or narrow the overview to see each one;
          the table lists them all.
        </p>
      ) : null}
    </>
  );
}

type LayerProps = TimelineChartProps & { layout: LaneLayout };

/** Drawn inside the recharts surface, placed by its plot area. */
function ChartLayer({ events, publications, articleCount, shown, onOpen, onZoom, layout }: LayerProps) {
  const plot = usePlotArea();
  const activeId = useTimelineUi((s) => s.activeId);
  // Read here once, not by each of hundreds of marks subscribing to the store.
  const openId = useTimelineUi((s) => s.openId);
  const activate = useTimelineUi((s) => s.activate);
  const point = useTimelineUi((s) => s.point);
  const focusRing = useTimelineUi((s) => s.focus);
  const layerRef = useRef<SVGGElement>(null);

  const plotX = plot?.x ?? CHART_MARGIN.left;
  const plotY = plot?.y ?? CHART_MARGIN.top;
  const plotWidth = plot?.width ?? 0;
  const x = useCallback((day: number) => plotX + dayToX(day, shown, plotWidth), [plotX, plotWidth, shown]);
  const rowMiddle = (row: number) => plotY + (row + 0.5) * ROW_HEIGHT;
  const counted = layout.counts !== null;
  // A counted chart names its days, not its events.
  const labels = useMemo(() => new Map(counted ? [] : events.map((e) => [e.id, eventMarkLabel(e)])), [events, counted]);
  const order = useMemo(() => events.map((e) => e.id), [events]);
  const tabbableId = activeId !== null && labels.has(activeId) ? activeId : (order[0] ?? null);

  // Zoomed in from a day's count by the keyboard: the focus goes on to the first event drawn.
  const focusFirstMark = useRef(false);
  useEffect(() => {
    if (counted || !focusFirstMark.current) return;
    focusFirstMark.current = false;
    layerRef.current?.querySelector<SVGGElement>('[data-event-id]')?.focus();
  }, [counted]);
  const zoomToDay = useCallback(
    (window: DayWindow, byKeyboard: boolean) => {
      focusFirstMark.current = byKeyboard;
      onZoom(window);
    },
    [onZoom],
  );

  if (!plot) return null;
  const clip = (px: number) => Math.min(plotX + plotWidth, Math.max(plotX, px));

  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<SVGGElement>('[data-event-id]') : null;
  const boxOf = (mark: SVGGElement) => mark.getBBox?.() ?? { x: 0, y: 0, width: 0, height: 0 };
  const pointAt = (mark: SVGGElement) => {
    const box = boxOf(mark);
    point({ id: mark.dataset.eventId ?? '', x: box.x + box.width / 2, y: box.y });
  };
  const focusMark = (id: string | undefined) => {
    if (!id) return;
    activate(id);
    layerRef.current?.querySelector<SVGGElement>(`[data-event-id="${id}"]`)?.focus();
  };
  const handleKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const mark = markOf(event.target);
    const id = mark?.dataset.eventId;
    if (!id) return;
    const at = order.indexOf(id);
    const moves: Record<string, string | undefined> = {
      ArrowRight: order[at + 1],
      ArrowDown: order[at + 1],
      ArrowLeft: order[at - 1],
      ArrowUp: order[at - 1],
      Home: order[0],
      End: order.at(-1),
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id);
    } else if (event.key in moves) {
      event.preventDefault();
      focusMark(moves[event.key]);
    }
  };
  const handleClick = (event: MouseEvent<SVGGElement>) => {
    const id = markOf(event.target)?.dataset.eventId;
    if (id) {
      activate(id);
      onOpen(id);
    }
  };
  const handleFocus = (event: FocusEvent<SVGGElement>) => {
    const mark = markOf(event.target);
    if (!mark) return;
    const id = mark.dataset.eventId ?? '';
    activate(id);
    pointAt(mark);
    const { x: bx, y: by, width, height } = boxOf(mark);
    focusRing({ id, x: bx, y: by, width, height });
  };
  const handlePointer = (event: MouseEvent<SVGGElement>) => {
    const mark = markOf(event.target);
    if (mark) pointAt(mark);
  };

  const publicationTop = plotY + layout.rows * ROW_HEIGHT;
  return (
    <g className="tl-layer">
      {layout.lanes.map((lane, i) => (
        <g key={lane.kind} className={`tl-lane tl-lane--${lane.kind}`}>
          <rect
            className={`tl-lane__band${i % 2 === 1 ? ' tl-lane__band--alt' : ''}`}
            x={plotX}
            y={plotY + lane.firstRow * ROW_HEIGHT}
            width={plotWidth}
            height={lane.rows * ROW_HEIGHT}
          />
          <text
            className="tl-lane__label"
            x={plotX - 10}
            y={plotY + (lane.firstRow + lane.rows / 2) * ROW_HEIGHT}
            dy="0.35em"
            textAnchor="end"
          >
            {`${KIND_LABELS[lane.kind].many} (${lane.count})`}
          </text>
        </g>
      ))}
      <g className="tl-lane tl-lane--articles">
        <rect
          className="tl-lane__band tl-lane__band--articles"
          x={plotX}
          y={publicationTop}
          width={plotWidth}
          height={PUBLICATION_ROWS * ROW_HEIGHT}
        />
        <text
          className="tl-lane__label"
          x={plotX - 10}
          y={publicationTop + (PUBLICATION_ROWS * ROW_HEIGHT) / 2}
          dy="0.35em"
          textAnchor="end"
        >
          {`Articles (${publications.reduce((n, d) => n + d.articles.length, 0)}/${articleCount})`}
        </text>
      </g>
      <PublicationMarks publications={publications} x={x} top={publicationTop} height={PUBLICATION_ROWS * ROW_HEIGHT} />
      {layout.counts ? (
        <DayCounts
          counts={layout.counts}
          x={x}
          plotLeft={plotX}
          plotRight={plotX + plotWidth}
          laneTop={(kind) => plotY + (layout.lanes.find((lane) => lane.kind === kind)?.firstRow ?? 0) * ROW_HEIGHT}
          laneHeight={(layout.lanes[0]?.rows ?? 1) * ROW_HEIGHT}
          onZoom={zoomToDay}
        />
      ) : null}
      <g
        ref={layerRef}
        className="tl-events"
        onKeyDown={handleKeyDown}
        onClick={handleClick}
        onFocus={handleFocus}
        onBlur={() => {
          point(null);
          focusRing(null);
        }}
        onMouseOver={handlePointer}
        onMouseLeave={() => point(null)}
      >
        {(counted ? [] : events).map((timelineEvent) => {
          const placed = layout.placed.get(timelineEvent.id);
          if (!placed) return null;
          return (
            <EventMark
              key={timelineEvent.id}
              timelineEvent={timelineEvent}
              placed={placed}
              x0={clip(x(timelineEvent.start))}
              x1={clip(x(timelineEvent.end + 1))}
              cy={rowMiddle(placed.row)}
              ariaLabel={labels.get(timelineEvent.id) ?? timelineEvent.event.title}
              tabbable={timelineEvent.id === tabbableId}
              open={timelineEvent.id === openId}
            />
          );
        })}
      </g>
      <FocusRing />
    </g>
  );
}

/** One ring around the focused mark, rather than a hidden ring inside each of hundreds of marks. */
function FocusRing() {
  const focused = useTimelineUi((s) => s.focused);
  if (!focused) return null;
  return (
    <rect
      className="tl-focus-ring"
      x={focused.x - 4}
      y={focused.y - 4}
      width={focused.width + 8}
      height={focused.height + 8}
      rx={4}
      aria-hidden="true"
    />
  );
}
