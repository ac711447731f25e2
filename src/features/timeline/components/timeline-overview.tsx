import { memo, useEffect, useMemo, useRef } from 'react';
import { BarChart, Brush } from 'recharts';
import { CHART_MARGIN, plotWidthOf } from '../model/chart-geometry';
import { formatDayNumber } from '../model/labels';
import type { PublicationDay, TimelineEvent } from '../model/timeline-data';
import type { DayWindow } from '../model/timeline-window';
import { useElementWidth } from './use-element-width';

const BRUSH_HEIGHT = 44;
/** A drag or a run of arrow keys settles before the URL (and the big chart) follows. */
const COMMIT_DELAY_MS = 250;

type OverviewProps = {
  full: DayWindow;
  shown: DayWindow;
  events: readonly TimelineEvent[];
  publications: readonly PublicationDay[];
  onZoom: (window: DayWindow | null) => void;
};

type DayCount = { day: number; label: string; articles: number; events: number };

/** The whole story in miniature with a brush: drag its ends (or move them with arrow keys) to zoom. */
export const TimelineOverview = memo(function TimelineOverview({
  full,
  shown,
  events,
  publications,
  onZoom,
}: OverviewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const days = useMemo<DayCount[]>(() => {
    const counts = Array.from({ length: full.end - full.start + 1 }, (_, i) => ({
      day: full.start + i,
      label: formatDayNumber(full.start + i),
      articles: 0,
      events: 0,
    }));
    for (const { day, articles } of publications) {
      const slot = counts[day - full.start];
      if (slot) slot.articles += articles.length;
    }
    for (const event of events) {
      const slot = counts[event.start - full.start];
      if (slot) slot.events += 1;
    }
    return counts;
  }, [full, events, publications]);

  const last = days.length - 1;
  const clampIndex = (day: number) => Math.min(last, Math.max(0, day - full.start));
  const startIndex = clampIndex(shown.start);
  const endIndex = clampIndex(shown.end);

  // The brush gives both handles one name; each is told apart by its end and its day.
  const startLabel = days[startIndex]?.label ?? '';
  const endLabel = days[endIndex]?.label ?? '';
  const drawn = width !== null;
  useEffect(() => {
    const container = containerRef.current;
    // Watched once drawn: a watch from before would be told of every element of the chart going in.
    if (!container || !drawn) return;
    const names = [`Zoom start: ${startLabel}; arrow keys move it`, `Zoom end: ${endLabel}; arrow keys move it`];
    const values = [startLabel, endLabel];
    const name = () => {
      container.querySelectorAll<SVGGElement>('.recharts-brush-traveller').forEach((handle, i) => {
        const label = names[i];
        if (label && handle.getAttribute('aria-label') !== label) handle.setAttribute('aria-label', label);
        const value = values[i];
        if (value && handle.getAttribute('aria-valuetext') !== value) handle.setAttribute('aria-valuetext', value);
      });
    };
    name();
    // The brush draws (and re-labels) its handles on its own renders: name them again each time.
    const observer = new MutationObserver(name);
    observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }, [startLabel, endLabel, drawn]);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);

  const commit = (start: number, end: number) => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      onZoom(start === 0 && end === last ? null : { start: full.start + start, end: full.start + end });
    }, COMMIT_DELAY_MS);
  };

  return (
    <div className="tl-overview" ref={containerRef}>
      {/* Drawn once its width is known (before the first paint), not at a guess first. */}
      {width === null ? null : (
        <BarChart
          width={width}
          height={BRUSH_HEIGHT + 4}
          data={days}
          margin={{ ...CHART_MARGIN, top: 2, bottom: 2 }}
          accessibilityLayer={false}
        >
          <Brush
            dataKey="label"
            height={BRUSH_HEIGHT}
            startIndex={startIndex}
            endIndex={endIndex}
            travellerWidth={10}
            ariaLabel={`Zoom: ${startLabel} to ${endLabel}; arrow keys move it`}
            onChange={({ startIndex: start, endIndex: end }) => {
              if (start !== undefined && end !== undefined) commit(start, end);
            }}
            className="tl-brush"
          >
            <DayHistogram days={days} width={plotWidthOf(width)} height={BRUSH_HEIGHT} />
          </Brush>
        </BarChart>
      )}
    </div>
  );
});

/**
 * Articles per day (grey) and events starting per day (a coloured line along the foot) as two
 * paths: one element each however long the story, so moving the brush redraws next to nothing.
 * It is the brush's panorama itself, placed by the brush (which passes its x and y), rather than
 * a second recharts chart around it: that chart, with a store and selectors of its own, drew
 * nothing but these two paths and was a good part of the timeline's first render.
 */
const DayHistogram = memo(function DayHistogram({
  days,
  width,
  height,
  x: left = 0,
  y: top = 0,
}: {
  days: readonly DayCount[];
  width: number;
  height: number;
  /** Where the brush draws its panorama: given by the brush. */
  x?: number;
  y?: number;
}) {
  if (days.length === 0) return null;
  const step = width / days.length;
  const most = Math.max(1, ...days.map((d) => d.articles));
  const bottom = height - 1;
  let articles = '';
  let events = '';
  days.forEach((d, i) => {
    const x = i * step + step * 0.15;
    const w = Math.max(0.5, step * 0.7);
    if (d.articles > 0) {
      const h = Math.max(1, (d.articles / most) * (height - 8));
      articles += `M${x.toFixed(1)},${bottom}v${(-h).toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}z`;
    }
    if (d.events > 0) events += `M${x.toFixed(1)},${bottom - 3}h${w.toFixed(1)}v3h${(-w).toFixed(1)}z`;
  });
  return (
    <g aria-hidden="true" transform={`translate(${left},${top})`}>
      <path className="tl-overview__articles" d={articles} />
      <path className="tl-overview__events" d={events} />
    </g>
  );
});
