const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * Days already formatted: a story spans a few hundred days, which the timeline's marks, table,
 * overview and tooltips name thousands of times, and Intl formatting each anew is slow.
 */
const formattedDays = new Map<string, string>();
const MAX_FORMATTED_DAYS = 10_000;

/** "18 Apr 2024" for an ISO day, read as a calendar day whatever the reader's time zone. */
export function formatDay(isoDay: string): string {
  let text = formattedDays.get(isoDay);
  if (text === undefined) {
    text = dayFormat.format(new Date(`${isoDay}T00:00:00Z`));
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(isoDay, text);
  }
  return text;
}

/** A day, or "21 Mar – 17 Apr 2024" for a range. */
export function formatDayRange(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}
