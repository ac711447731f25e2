import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render-app';
import { useTimelineUi } from '../store/timeline-ui-store';

const MEETING = 'scg-virtual-meeting-18-april';

async function openTimeline(url = '/timeline') {
  const view = renderApp(url);
  const table = await screen.findByRole('table', {}, { timeout: 10_000 });
  const chart = await screen.findByRole('group', { name: /Timeline of .*one mark per event/ });
  return { ...view, table, chart };
}

const chartIds = (chart: HTMLElement) =>
  within(chart)
    .getAllByRole('button')
    .map((mark) => mark.getAttribute('data-event-id'));
const tableIds = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-event-id'));

describe('the timeline view', { timeout: 20_000 }, () => {
  beforeEach(() =>
    useTimelineUi.setState({ activeId: null, pointed: null, focused: null, focusPanel: false, openId: null }),
  );

  it('draws every event as a mark and lists the same events in the table, in the same order', async () => {
    const { chart, table } = await openTimeline();
    expect(chartIds(chart)).toHaveLength(14);
    expect(tableIds(table)).toEqual(chartIds(chart));
    const meeting = within(chart).getByRole('button', { name: /^Virtual SCG meeting on Iran and Rafah: 18 Apr 2024/ });
    expect(meeting).toHaveAccessibleName(/virtual meeting, held; reported by 4 articles/);
    const washington = within(chart).getByRole('button', { name: /^In-person SCG meeting in Washington/ });
    expect(washington).toHaveAttribute('data-status', 'postponed');
    expect(washington).toHaveAccessibleName(/\(range\), in person meeting, postponed/);
    expect(within(chart).getByRole('button', { name: /^First virtual SCG meeting/ })).toHaveAttribute(
      'data-precision',
      'day',
    );
    expect(within(chart).getByRole('button', { name: /^Lower-level US–Israeli working groups/ })).toHaveAttribute(
      'data-precision',
      'range',
    );
    expect(screen.getByText(/^14 of 14 events between/)).toBeInTheDocument();
  });

  it('filters by kind through the URL, and never down to no kind at all', async () => {
    const { user, chart, table } = await openTimeline();
    await user.click(screen.getByRole('checkbox', { name: /Attacks/ }));
    expect(window.location.search).toBe('?kind=meeting,announcement,operation');
    await waitFor(() => expect(chartIds(chart)).toHaveLength(12));
    expect(tableIds(table)).toEqual(chartIds(chart));
    expect(within(chart).queryByRole('button', { name: /Iran's missile/ })).toBeNull();

    for (const name of [/Meetings/, /Announcements/]) await user.click(screen.getByRole('checkbox', { name }));
    expect(window.location.search).toBe('?kind=operation');
    expect(screen.getByRole('checkbox', { name: /Operations/ })).toBeDisabled();
  });

  it('zooms from the date fields, and refuses a start after the end without touching the URL', async () => {
    await openTimeline('/timeline');
    expect(screen.getByLabelText('From')).toHaveValue('19 Mar 2024');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '10 Apr 2024' } });
    await waitFor(() => expect(window.location.search).toBe('?from=2024-04-10&to=2024-05-21'));
    // The app's own format, and ISO days too.
    expect(screen.getByLabelText('From')).toHaveValue('10 Apr 2024');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-04-20' } });
    await waitFor(() => expect(window.location.search).toBe('?from=2024-04-10&to=2024-04-20'));
    const table = screen.getByRole('table');
    expect(within(table).queryByRole('row', { name: /Sullivan's in-person/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '25 Apr 2024' } });
    expect(await screen.findByText(/start must be on or before the end/)).toBeInTheDocument();
    expect(window.location.search).toBe('?from=2024-04-10&to=2024-04-20');
  });

  it('says so when a link zooms to an impossible range, and shows the whole story', async () => {
    await openTimeline('/timeline?from=2024-05-01&to=2024-04-01');
    expect(screen.getByRole('alert')).toHaveTextContent(/starts \(2024-05-01\) after it ends \(2024-04-01\)/);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(15);
  });

  it('opens an event from the table: its articles, evidence, claims and links into the Sources view', async () => {
    const { user, table } = await openTimeline();
    await user.click(within(table).getByRole('button', { name: 'Virtual SCG meeting on Iran and Rafah' }));
    expect(window.location.search).toBe(`?event=${MEETING}`);
    const panel = await screen.findByRole('complementary', { name: 'Virtual SCG meeting on Iran and Rafah' });
    await waitFor(() => expect(within(panel).getByRole('heading', { level: 3 })).toHaveFocus());
    expect(within(panel).getByRole('heading', { name: 'Reported by 4 articles' })).toBeInTheDocument();
    const reports = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('data-article-id'));
    expect(reports.map((li) => li.querySelector('.tl-report__outlet')?.textContent)).toEqual([
      'Israel National News',
      'International Business Times',
      'The Jerusalem Post',
      'The New York Times',
    ]);
    expect(reports[1]).toHaveTextContent(/speaks of it as planned \(written before it took place\)/);
    expect(reports[1]).toHaveTextContent('The United States and Israel are set to hold a high-level virtual meeting');
    expect(within(panel).getByText('The day is from the public record.')).toBeInTheDocument();
    expect(within(panel).getByText(/The coverage says only “on Thursday” in Israel National News/)).toBeInTheDocument();
    expect(within(panel).getByRole('list', { name: 'Research behind the date' })).toHaveTextContent(
      /held on Thursday 18 April 2024.*Source: Public record/,
    );

    const link = within(reports[1] as HTMLElement).getAllByRole('link', { name: /Show in Sources/ })[0];
    expect(link).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/\?panes=001_2550a2c150cccb37&claim=scg-18-april-meeting-scheduled/),
    );
    const claims = within(panel).getByRole('list', { name: /Claims linked to this event/ });
    expect(within(claims).getByRole('link', { name: /held a high-level virtual meeting/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/claims\/scg-virtual-meeting-18-april/),
    );

    await user.click(within(panel).getByRole('button', { name: /Close/ }));
    expect(window.location.search).toBe('');
    await waitFor(() =>
      expect(screen.queryByRole('complementary', { name: /Virtual SCG meeting/ })).not.toBeInTheDocument(),
    );
  });

  it('moves between chart marks with arrow keys and opens one with Enter', async () => {
    const { user, chart } = await openTimeline();
    const marks = within(chart).getAllByRole('button');
    const tabbable = () =>
      within(chart)
        .getAllByRole('button')
        .filter((m) => m.getAttribute('tabindex') === '0')
        .map((m) => m.getAttribute('data-event-id'));
    const ids = marks.map((m) => m.getAttribute('data-event-id'));
    expect(tabbable()).toEqual([ids[0]]);
    marks[0]?.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('data-event-id')).toBe(ids[1]);
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('data-event-id')).toBe(ids.at(-1));
    await user.keyboard('{Enter}');
    expect(window.location.search).toBe(`?event=${ids.at(-1)}`);
    expect(tabbable()).toEqual([ids.at(-1)]);
  });

  it('answers an unknown event in the URL with a clear message', async () => {
    await openTimeline('/timeline?event=no-such-event');
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no event “no-such-event” in this story.');
  });
});
