const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** "6 May 2024, 14:00 CEST": in the reader's own time zone, named, so that no one has to convert. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
