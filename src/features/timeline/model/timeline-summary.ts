import type { EventKind, EventStatus } from '@/domain/schemas';
import { eventDateLabel, formatDayNumber, KIND_LABELS, STATUS_LABELS } from './labels';
import type { PublicationDay, TimelineEvent } from './timeline-data';
import type { DayWindow } from './timeline-window';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function countBy<K extends string>(items: readonly TimelineEvent[], key: (e: TimelineEvent) => K, order: readonly K[]) {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return order.filter((k) => counts.has(k)).map((k) => [k, counts.get(k) ?? 0] as const);
}

const STATUS_ORDER: EventStatus[] = ['held', 'planned', 'postponed', 'cancelled'];

/** The chart in words: what is shown, in what order, and which reports came before what they report. */
export function summarizeTimeline(input: {
  events: readonly TimelineEvent[];
  total: number;
  kinds: readonly EventKind[];
  publications: readonly PublicationDay[];
  window: DayWindow | null;
}): string {
  const { events, total, kinds, publications, window } = input;
  if (!window) return 'This story has no dated events or articles yet.';
  const range = `${formatDayNumber(window.start)} and ${formatDayNumber(window.end)}`;
  const parts: string[] = [];
  if (events.length === 0) {
    parts.push(`No events of the chosen kinds between ${range} (${plural(total, 'event')} in the story).`);
  } else {
    const byKind = countBy(events, (e) => e.event.kind, kinds)
      .map(([kind, n]) => `${n} ${n === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many.toLowerCase()}`)
      .join(', ');
    const byStatus = countBy(events, (e) => e.event.status, STATUS_ORDER)
      .map(([status, n]) => `${n} ${STATUS_LABELS[status]}`)
      .join(', ');
    parts.push(`${events.length} of ${plural(total, 'event')} between ${range}: ${byKind}; ${byStatus}.`);
    const ranges = events.filter((e) => e.event.date.precision === 'range').length;
    if (ranges > 0) parts.push(`${plural(ranges, 'date is', 'dates are')} known only as a range.`);
    const first = events[0];
    const last = events.at(-1);
    if (first && last && first !== last) {
      parts.push(
        `First: ${first.event.title}, ${eventDateLabel(first)}; last: ${last.event.title}, ${eventDateLabel(last)}.`,
      );
    }
  }
  const articles = publications.reduce((n, day) => n + day.articles.length, 0);
  if (articles > 0) {
    parts.push(`${plural(articles, 'article')} published on ${plural(publications.length, 'day')} in this period.`);
    const previews = publications.flatMap((day) =>
      day.articles
        .filter((a) => a.previews.length > 0)
        .map((a) => `${a.outlet} (${formatDayNumber(day.day)}) on ${a.previews.map((e) => e.event.title).join(', ')}`),
    );
    if (previews.length > 0 && previews.length <= 5) {
      parts.push(`Written before the event it reports: ${previews.join('; ')}.`);
    } else if (previews.length > 5) {
      parts.push(`${previews.length} articles were written before an event they report.`);
    }
  }
  return parts.join(' ');
}
