import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { dayNumber } from '@/domain/calendar-days';
import type { DayCount } from '../model/lane-layout';
import type { TimelineEvent } from '../model/timeline-data';
import { DayCounts } from './day-counts';

const day = dayNumber('2024-04-10');
const events = (n: number) => Array.from({ length: n }, () => ({}) as TimelineEvent);
const counts: DayCount[] = [
  { kind: 'meeting', day, events: events(5) },
  { kind: 'attack', day, events: events(1) },
  { kind: 'meeting', day: day + 1, events: events(2) },
];

function renderCounts(onZoom = vi.fn()) {
  render(
    <svg>
      <DayCounts
        counts={counts}
        x={(d) => (d - day) * 20}
        plotLeft={0}
        plotRight={400}
        laneTop={(kind) => (kind === 'meeting' ? 0 : 44)}
        laneHeight={44}
        onZoom={onZoom}
      />
    </svg>,
  );
  return onZoom;
}

describe('DayCounts', () => {
  it('names each lane’s count of a day as a button, with one tab stop for all', () => {
    renderCounts();
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      '5 meetings on 10 Apr 2024; opens the week around it',
      '1 attack on 10 Apr 2024; opens the week around it',
      '2 meetings on 11 Apr 2024; opens the week around it',
    ]);
    expect(buttons.map((b) => b.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
  });

  it('moves between the counts with the arrow keys and zooms to the week around one with Enter or a click', async () => {
    const onZoom = renderCounts();
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: /^5 meetings/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: /^1 attack/ })).toHaveFocus();
    await user.keyboard('{End}');
    const last = screen.getByRole('button', { name: /^2 meetings/ });
    expect(last).toHaveFocus();
    expect(last).toHaveAttribute('tabindex', '0');
    await user.keyboard('{Enter}');
    expect(onZoom).toHaveBeenLastCalledWith({ start: day + 1 - 3, end: day + 1 + 3 }, true);
    await user.click(screen.getByRole('button', { name: /^1 attack/ }));
    expect(onZoom).toHaveBeenLastCalledWith({ start: day - 3, end: day + 3 }, false);
  });
});
