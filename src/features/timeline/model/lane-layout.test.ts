import { describe, expect, it } from 'vitest';
import { dayNumber } from '@/domain/calendar-days';
import type { StoryEvent } from '@/domain/schemas';
import {
  chartLanes,
  countLanes,
  dayToX,
  layoutLanes,
  MAX_DRAWN_EVENTS,
  MAX_LABELLED_EVENTS,
  shortLabel,
} from './lane-layout';
import type { TimelineEvent } from './timeline-data';

function timelineEvent(id: string, kind: StoryEvent['kind'], start: string, end = start): TimelineEvent {
  return {
    id,
    start: dayNumber(start),
    end: dayNumber(end),
    articleCount: 0,
    previewedBy: [],
    reports: [],
    claims: [],
    derivation: null,
    event: {
      id,
      story: 's',
      title: `Event ${id}`,
      kind,
      format: 'virtual',
      status: 'held',
      date: { precision: start === end ? 'day' : 'range', start, end, basis: 'test', derivedFrom: null },
      participants: [],
      mentions: [],
    },
  };
}

const window = { start: dayNumber('2024-04-01'), end: dayNumber('2024-04-30') };

describe('layoutLanes', () => {
  it('gives each kind a lane, at least one row even when empty', () => {
    const layout = layoutLanes([timelineEvent('a', 'attack', '2024-04-13')], ['meeting', 'attack'], window, 900);
    expect(layout.lanes).toEqual([
      { kind: 'meeting', firstRow: 0, rows: 1, count: 0 },
      { kind: 'attack', firstRow: 1, rows: 1, count: 1 },
    ]);
    expect(layout.placed.get('a')?.row).toBe(1);
  });

  it('stacks overlapping events on separate rows and reuses a row once it is free', () => {
    const events = [
      timelineEvent('a', 'meeting', '2024-04-01', '2024-04-10'),
      timelineEvent('b', 'meeting', '2024-04-05'),
      timelineEvent('c', 'meeting', '2024-04-25'),
    ];
    const layout = layoutLanes(events, ['meeting'], window, 3000);
    expect([...layout.placed].map(([id, p]) => [id, p.row])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
  });

  it('labels marks while few events are in view, and puts a label left when it would overflow', () => {
    const layout = layoutLanes([timelineEvent('late', 'meeting', '2024-04-30')], ['meeting'], window, 900);
    expect(layout.labelled).toBe(true);
    expect(layout.placed.get('late')).toMatchObject({ label: 'Event late', labelSide: 'left' });
    const many = Array.from({ length: MAX_LABELLED_EVENTS + 1 }, (_, i) =>
      timelineEvent(`e${i}`, 'meeting', '2024-04-01'),
    );
    const crowded = layoutLanes(many, ['meeting'], window, 900);
    expect(crowded.labelled).toBe(false);
    expect(crowded.lanes[0]?.rows).toBe(12);
  });

  it('maps days to pixels across the window', () => {
    expect(dayToX(window.start, window, 300)).toBe(0);
    expect(dayToX(window.end + 1, window, 300)).toBe(300);
    expect(shortLabel('x'.repeat(60))).toHaveLength(44);
    expect(shortLabel('x'.repeat(60), 70)).toHaveLength(60);
  });

  it('shows a long title whole where it fits beside its mark, and cuts it only where it does not', () => {
    const title = "Sullivan's in-person meeting with Israeli security officials (modified SCG)";
    const long = timelineEvent('long', 'meeting', '2024-04-01');
    long.event.title = title;
    const wide = layoutLanes([long], ['meeting'], window, 1400);
    expect(wide.placed.get('long')?.label).toBe(title);
    const narrow = layoutLanes([long], ['meeting'], window, 300);
    expect(narrow.placed.get('long')?.label).toMatch(/…$/);
  });
});

describe('chartLanes', () => {
  it('draws each event up to MAX_DRAWN_EVENTS, and counts them per lane and day past it', () => {
    const fits = Array.from({ length: MAX_DRAWN_EVENTS }, (_, i) => timelineEvent(`e${i}`, 'meeting', '2024-04-02'));
    expect(chartLanes(fits, ['meeting'], window, 900).counts).toBeNull();
    const more = [...fits, timelineEvent('last', 'attack', '2024-04-03')];
    const counted = chartLanes(more, ['meeting', 'attack'], window, 900);
    expect(counted.placed.size).toBe(0);
    expect(counted.counts?.map((c) => [c.kind, c.day, c.events.length])).toEqual([
      ['meeting', dayNumber('2024-04-02'), MAX_DRAWN_EVENTS],
      ['attack', dayNumber('2024-04-03'), 1],
    ]);
    expect(counted.lanes.map((lane) => [lane.kind, lane.count])).toEqual([
      ['meeting', MAX_DRAWN_EVENTS],
      ['attack', 1],
    ]);
  });

  it('counts a range on its first day in view, by day then lane, leaving out kinds not shown', () => {
    const layout = countLanes(
      [
        timelineEvent('range', 'attack', '2024-03-20', '2024-04-05'),
        timelineEvent('meeting', 'meeting', '2024-04-01'),
        timelineEvent('hidden', 'operation', '2024-04-01'),
        timelineEvent('later', 'meeting', '2024-04-09'),
      ],
      ['meeting', 'attack'],
      window,
    );
    expect(layout.counts?.map((c) => [c.kind, c.day, c.events.map((e) => e.id)])).toEqual([
      ['meeting', window.start, ['meeting']],
      ['attack', window.start, ['range']],
      ['meeting', dayNumber('2024-04-09'), ['later']],
    ]);
  });
});
