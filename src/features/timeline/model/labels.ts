import type { EventFormat, EventKind, EventStatus } from '@/domain/schemas';
import { isoDayOf } from '@/domain/calendar-days';
import { formatDay, formatDayRange } from '@/lib/format-date';
import type { TimelineEvent } from './timeline-data';

export const KIND_LABELS: Record<EventKind, { one: string; many: string }> = {
  meeting: { one: 'meeting', many: 'Meetings' },
  attack: { one: 'attack', many: 'Attacks' },
  announcement: { one: 'announcement', many: 'Announcements' },
  operation: { one: 'operation', many: 'Operations' },
};

export const FORMAT_LABELS: Record<EventFormat, string> = {
  virtual: 'virtual',
  'in-person': 'in person',
  unknown: 'format not known',
  'not-applicable': '—',
};

export const STATUS_LABELS: Record<EventStatus, string> = {
  held: 'held',
  planned: 'planned',
  postponed: 'postponed',
  cancelled: 'cancelled',
};

/**
 * Status by glyph and word, never by strike-through: in a fact-checking tool a struck word
 * reads as "not postponed". The glyphs differ from the format symbols (● ■ ◆ ▲) so that
 * "held" never looks like "virtual". Each is in the fonts Debian's Chromium ships with (DejaVu):
 * "⏸" is not, and showed as an empty box.
 */
export const STATUS_GLYPHS: Record<EventStatus, string> = {
  held: '✓',
  planned: '◷',
  postponed: '‖',
  cancelled: '✕',
};

export const formatDayNumber = (day: number) => formatDay(isoDayOf(day));

/** "18 Apr 2024", or "21 Mar – 17 Apr 2024 (range)" for a date the coverage only bounds. */
export function eventDateLabel({ event }: Pick<TimelineEvent, 'event'>): string {
  const text = formatDayRange(event.date.start, event.date.end);
  return event.date.precision === 'range' ? `${text} (range)` : text;
}

/** What a chart mark says to a screen reader, and what the tooltip shows. */
export function eventMarkLabel(timelineEvent: TimelineEvent): string {
  const { event, articleCount } = timelineEvent;
  const format = event.format === 'not-applicable' ? '' : ` ${FORMAT_LABELS[event.format]}`;
  const articles = `${articleCount} ${articleCount === 1 ? 'article' : 'articles'}`;
  return `${event.title}: ${eventDateLabel(timelineEvent)},${format} ${KIND_LABELS[event.kind].one}, ${STATUS_LABELS[event.status]}; reported by ${articles}`;
}
