import { toCsv } from '@/domain/csv';
import type { TimelineEvent } from './timeline-data';

export const EVENT_CSV_COLUMNS = [
  'id',
  'title',
  'kind',
  'format',
  'status',
  'date_precision',
  'date_start',
  'date_end',
  'date_basis',
  'derived_from_phrase',
  'derived_from_article',
  'reported_by',
  'articles',
  'claims',
  // Last, so that the columns before keep their places: the research note of a record day.
  'date_record',
] as const;

export function eventsCsv(events: readonly TimelineEvent[]): string {
  return toCsv([
    EVENT_CSV_COLUMNS,
    ...events.map(({ event, reports, claims }) => [
      event.id,
      event.title,
      event.kind,
      event.format,
      event.status,
      event.date.precision,
      event.date.start,
      event.date.end,
      event.date.basis,
      event.date.derivedFrom?.phrase ?? '',
      event.date.derivedFrom?.article ?? '',
      [...new Set(reports.map((r) => r.outlet))].join('; '),
      reports.map((r) => r.article.id).join('; '),
      claims.map((c) => c.id).join('; '),
      event.date.record ?? '',
    ]),
  ]);
}
