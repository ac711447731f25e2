import type { EventKind } from '@/domain/schemas';
import type { TimelineEvent } from './timeline-data';
import type { DayWindow } from './timeline-window';

export const MARK_RADIUS = 6;
const LABEL_GAP = 6;
/** An average character of the 12 px labels (bold for postponed and cancelled), a little generous. */
const LABEL_CHAR_PX = 6.4;
const BOLD_LABEL_CHAR_PX = 6.9;
const MAX_LABEL_CHARS = 44;
const ROW_GAP_PX = 4;
/** Past this many rows a lane stacks marks on its least crowded row rather than growing further. */
const MAX_ROWS_PER_LANE = 12;
/** With more events in view than this, titles stay in the tooltip, the panel and the table. */
export const MAX_LABELLED_EVENTS = 40;
/**
 * With more events in view than this, each lane counts its events per day instead of drawing
 * each one: marks that many pile up unreadably (the large story × 4 has twenty events a day),
 * and drawing them all was most of the chart's cost. The table still lists every event; zooming
 * in to fewer draws them again.
 */
export const MAX_DRAWN_EVENTS = 400;
/** The rows a lane of day counts takes, so that its bars have some height to differ by. */
const COUNT_ROWS = 2;

export type LabelSide = 'right' | 'left' | 'none';

export type PlacedEvent = { row: number; label: string; labelSide: LabelSide };

export type Lane = { kind: EventKind; firstRow: number; rows: number; count: number };

/** The events of one lane that start (or come into view) on one day, in a chart too dense to draw each. */
export type DayCount = { kind: EventKind; day: number; events: TimelineEvent[] };

export type LaneLayout = {
  lanes: Lane[];
  placed: Map<string, PlacedEvent>;
  /** Rows of all event lanes together. */
  rows: number;
  labelled: boolean;
  /** Set when there are too many events to draw each: the lanes' counts per day, by day then lane. */
  counts: DayCount[] | null;
};

export function shortLabel(title: string, maxChars = MAX_LABEL_CHARS): string {
  return title.length <= maxChars ? title : `${title.slice(0, maxChars - 1).trimEnd()}…`;
}

/** Pixel x of the start of `day` in a plot `width` wide showing `window`. */
export function dayToX(day: number, window: DayWindow, width: number): number {
  return ((day - window.start) / (window.end + 1 - window.start)) * width;
}

/**
 * Stacks each lane's events into rows so that no two marks (nor their labels) overlap at this
 * zoom and width: greedy interval partitioning over events sorted by start.
 */
export function layoutLanes(
  events: readonly TimelineEvent[],
  kinds: readonly EventKind[],
  window: DayWindow,
  plotWidth: number,
): LaneLayout {
  const labelled = events.length <= MAX_LABELLED_EVENTS;
  const placed = new Map<string, PlacedEvent>();
  const lanes: Lane[] = [];
  let firstRow = 0;
  for (const kind of kinds) {
    const rowEnds: number[] = [];
    let count = 0;
    for (const timelineEvent of events) {
      if (timelineEvent.event.kind !== kind) continue;
      count += 1;
      const x0 = dayToX(timelineEvent.start, window, plotWidth);
      const x1 = dayToX(timelineEvent.end + 1, window, plotWidth);
      const center = (x0 + x1) / 2;
      let left = timelineEvent.start === timelineEvent.end ? center - MARK_RADIUS : Math.min(x0, center - MARK_RADIUS);
      let right = timelineEvent.start === timelineEvent.end ? center + MARK_RADIUS : Math.max(x1, center + MARK_RADIUS);
      // Titles up to 44 characters are shown whole; a longer one too where it fits beside its mark.
      const { status } = timelineEvent.event;
      const charPx = status === 'postponed' || status === 'cancelled' ? BOLD_LABEL_CHAR_PX : LABEL_CHAR_PX;
      const room = Math.max(plotWidth - right, left) - LABEL_GAP;
      const label = labelled
        ? shortLabel(timelineEvent.event.title, Math.max(MAX_LABEL_CHARS, Math.floor(room / charPx)))
        : '';
      let labelSide: LabelSide = 'none';
      if (label) {
        const width = LABEL_GAP + label.length * charPx;
        if (right + width <= plotWidth || left - width < 0) {
          labelSide = 'right';
          right += width;
        } else {
          labelSide = 'left';
          left -= width;
        }
      }
      let row = rowEnds.findIndex((end) => end + ROW_GAP_PX <= left);
      if (row === -1) {
        if (rowEnds.length < MAX_ROWS_PER_LANE) row = rowEnds.length;
        else row = rowEnds.indexOf(Math.min(...rowEnds));
      }
      rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, right);
      placed.set(timelineEvent.id, { row: firstRow + row, label, labelSide });
    }
    const rows = Math.max(1, rowEnds.length);
    lanes.push({ kind, firstRow, rows, count });
    firstRow += rows;
  }
  return { lanes, placed, rows: firstRow, labelled, counts: null };
}

/** The lanes of a chart too dense to draw each event: COUNT_ROWS rows each, and every lane's events counted per day. */
export function countLanes(
  events: readonly TimelineEvent[],
  kinds: readonly EventKind[],
  window: DayWindow,
): LaneLayout {
  const byKey = new Map<string, DayCount>();
  for (const timelineEvent of events) {
    const { kind } = timelineEvent.event;
    if (!kinds.includes(kind)) continue;
    // A range that began before the window counts on its first day in view.
    const day = Math.max(timelineEvent.start, window.start);
    const key = `${kind} ${day}`;
    const count = byKey.get(key);
    if (count) count.events.push(timelineEvent);
    else byKey.set(key, { kind, day, events: [timelineEvent] });
  }
  const lanes = kinds.map((kind, i) => ({
    kind,
    firstRow: i * COUNT_ROWS,
    rows: COUNT_ROWS,
    count: events.filter((e) => e.event.kind === kind).length,
  }));
  const counts = [...byKey.values()].sort((a, b) => a.day - b.day || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return { lanes, placed: new Map(), rows: kinds.length * COUNT_ROWS, labelled: false, counts };
}

/** The lanes as the chart draws them: each event, or the lanes' counts per day when there are too many. */
export function chartLanes(
  events: readonly TimelineEvent[],
  kinds: readonly EventKind[],
  window: DayWindow,
  plotWidth: number,
): LaneLayout {
  return events.length > MAX_DRAWN_EVENTS
    ? countLanes(events, kinds, window)
    : layoutLanes(events, kinds, window, plotWidth);
}
