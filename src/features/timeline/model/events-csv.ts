import type { TimelineEvent } from './timeline-data';

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return)
 * gets a leading apostrophe, so an exported quote can never execute.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 text: CRLF after every record, the header first. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

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
    ]),
  ]);
}
