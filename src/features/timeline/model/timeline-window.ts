import { dayNumber } from '@/domain/calendar-days';
import type { EventKind } from '@/domain/schemas';
import type { PublicationDay, TimelineData, TimelineEvent } from './timeline-data';

/** The days the chart shows, both ends inclusive, as day numbers. */
export type DayWindow = { start: number; end: number };

export type WindowChoice = {
  window: DayWindow | null;
  /** The whole story, a little padded, for the overview and "reset zoom". */
  full: DayWindow | null;
  zoomed: boolean;
  /** Why the zoom in the URL was not used, for the reader. */
  problem: string | null;
};

/** Breathing room at both ends, so a mark on the first or last day is not cut in half. */
const PADDING_DAYS = 2;

/** The whole story with a little room at both ends: the overview, and the chart when not zoomed. */
export function storyWindow(span: TimelineData['span']): DayWindow | null {
  return span ? { start: span.start - PADDING_DAYS, end: span.end + PADDING_DAYS } : null;
}

/**
 * The window the URL asks for (from/to; a missing end is the story's), or the whole story
 * (`full` itself, so an unzoomed chart keeps one object); an impossible zoom is refused with a reason.
 */
export function chooseWindow(full: DayWindow | null, from: string | null, to: string | null): WindowChoice {
  if (from === null && to === null) return { window: full, full, zoomed: false, problem: null };
  const start = from === null ? full?.start : dayNumber(from);
  const end = to === null ? full?.end : dayNumber(to);
  if (start === undefined || end === undefined) return { window: full, full, zoomed: false, problem: null };
  if (start > end) {
    return {
      window: full,
      full,
      zoomed: false,
      problem: `The zoom in the link starts (${from ?? 'at the story start'}) after it ends (${to ?? 'at the story end'}): showing the whole story.`,
    };
  }
  return { window: { start, end }, full, zoomed: true, problem: null };
}

export function overlaps(event: Pick<TimelineEvent, 'start' | 'end'>, window: DayWindow): boolean {
  return event.start <= window.end && event.end >= window.start;
}

/** The kinds to show: all of them when the URL names none. */
export function shownKinds(all: readonly EventKind[], chosen: readonly EventKind[]): EventKind[] {
  return chosen.length === 0 ? [...all] : all.filter((kind) => chosen.includes(kind));
}

export function visibleEvents(
  events: readonly TimelineEvent[],
  kinds: readonly EventKind[],
  window: DayWindow | null,
): TimelineEvent[] {
  if (!window) return [];
  return events.filter((event) => kinds.includes(event.event.kind) && overlaps(event, window));
}

export function visiblePublications(days: readonly PublicationDay[], window: DayWindow | null): PublicationDay[] {
  if (!window) return [];
  return days.filter((d) => d.day >= window.start && d.day <= window.end);
}
