import { describe, expect, it } from 'vitest';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { readCsv } from '@/test/read-csv';
import { eventsCsv } from './events-csv';
import { buildTimelineData } from './timeline-data';

describe('events CSV', () => {
  it('neutralizes an event title a spreadsheet would run as a formula', () => {
    const { bundle, index } = bundledStory('rafah-scg-2024');
    const timeline = buildTimelineData(bundle, index);
    const [first] = timeline.events;
    if (!first) throw new Error('the bundled story has events');
    const hostile = { ...first, event: { ...first.event, title: '=HYPERLINK("http://x","y")' } };
    expect(readCsv(eventsCsv([hostile]))[1]?.[1]).toBe('\'=HYPERLINK("http://x","y")');
  });

  it('writes every event of the bundled story with its date, derivation and sources, and reads back', () => {
    const { bundle, index } = bundledStory('rafah-scg-2024');
    const timeline = buildTimelineData(bundle, index);
    const rows = readCsv(eventsCsv(timeline.events));
    expect(rows[0]?.slice(0, 8)).toEqual([
      'id',
      'title',
      'kind',
      'format',
      'status',
      'date_precision',
      'date_start',
      'date_end',
    ]);
    expect(rows).toHaveLength(timeline.events.length + 1);
    const first = rows[1] ?? [];
    expect(first.slice(0, 8)).toEqual([
      'working-group-meetings',
      'Lower-level US–Israeli working groups meet virtually on Rafah plans',
      'meeting',
      'virtual',
      'held',
      'range',
      '2024-03-21',
      '2024-04-17',
    ]);
    expect(first[9]).toBe('Over the past few weeks');
    expect(first[14]).toBe('');
    // A day from the public record keeps the coverage's own phrase beside it.
    const firstMeeting = rows.find((r) => r[0] === 'scg-first-virtual-meeting') ?? [];
    expect(firstMeeting.slice(5, 8)).toEqual(['day', '2024-04-01', '2024-04-01']);
    expect(firstMeeting[9]).toBe('in recent weeks');
    expect(firstMeeting[11]).toBe('International Business Times; The Times of Israel');
    expect(firstMeeting[14]).toBe('scg-meeting-1-april');
    const followUp = rows.find((r) => r[0] === 'scg-follow-up-meeting');
    expect(followUp?.[1]).toBe('Promised follow-up SCG meeting ("will meet again soon")');
  });
});
