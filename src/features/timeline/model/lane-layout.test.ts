import { describe, expect, it } from 'vitest';
import { dayNumber } from '@/domain/calendar-days';
import type { StoryEvent } from '@/domain/schemas';
import { dayToX, layoutLanes, MAX_LABELLED_EVENTS, shortLabel } from './lane-layout';
import type { TimelineEvent } from './timeline-data';

function timelineEvent(id: string, kind: StoryEvent['kind'], start: string, end = start): TimelineEvent {
  return {
    id,
    start: dayNumber(start),
    end: dayNumber(end),
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
