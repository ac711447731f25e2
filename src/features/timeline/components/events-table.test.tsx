import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEvent } from '../model/timeline-data';
import { EventsTable, VIRTUALIZE_ABOVE_ROWS } from './events-table';

function fakeEvent(i: number): TimelineEvent {
  const day = `2024-04-${String((i % 28) + 1).padStart(2, '0')}`;
  return {
    id: `event-${i}`,
    start: 0,
    end: 0,
    articleCount: 0,
    previewedBy: [],
    reports: [],
    claims: [],
    derivation: null,
    event: {
      id: `event-${i}`,
      story: 's',
      title: `Event number ${i}`,
      kind: 'meeting',
      format: 'virtual',
      status: 'held',
      date: { precision: 'day', start: day, end: day, basis: 'test', derivedFrom: null },
      participants: [],
      mentions: [],
    },
  };
}

describe('EventsTable', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders every row of a short table and opens an event from its button', async () => {
    const onOpen = vi.fn();
    const events = Array.from({ length: 3 }, (_, i) => fakeEvent(i));
    render(<EventsTable events={events} total={5} openId="event-1" onOpen={onOpen} />);
    const table = screen.getByRole('table');
    expect(table).not.toHaveAttribute('aria-rowcount');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(table).toHaveTextContent('3 of 5 events');
    expect(within(table).getByRole('button', { name: 'Event number 1' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(within(table).getByRole('button', { name: 'Event number 2' }));
    expect(onOpen).toHaveBeenCalledWith('event-2');
  });

  it('renders only rows near view in a long table, telling assistive technology how many there are', () => {
    // jsdom lays nothing out: the scroll box reports the size a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(58);
    const count = VIRTUALIZE_ABOVE_ROWS * 5;
    const events = Array.from({ length: count }, (_, i) => fakeEvent(i));
    render(<EventsTable events={events} total={count} openId={null} onOpen={() => {}} />);
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', String(count + 1));
    const rows = within(table)
      .getAllByRole('row')
      .filter((row) => row.hasAttribute('data-event-id'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(VIRTUALIZE_ABOVE_ROWS);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
  });
});
