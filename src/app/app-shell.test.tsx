import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockServer } from '../../mocks/node';
import { renderApp } from '@/test/render-app';

const DEAL_CLAIM = /US agreed to accept an Israeli military operation in Rafah/;

describe('the app shell', () => {
  it('opens on the Sources view with the five articles of the bundled story', async () => {
    renderApp('/');
    const list = await screen.findByRole('region', { name: /Articles \(5\)/ });
    for (const outlet of [
      'Israel National News',
      'International Business Times',
      'The Jerusalem Post',
      'The New York Times',
      'The Times of Israel',
    ]) {
      expect(within(list).getByText(outlet)).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');
  });

  it('moves between views by URL and back', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('region', { name: /Articles/ });
    await user.click(screen.getByRole('link', { name: 'Matrix' }));
    expect(window.location.pathname).toBe('/matrix');
    const row = await screen.findByRole('row', { name: DEAL_CLAIM });
    expect(within(row).getByText('contested')).toBeInTheDocument();

    await user.click(within(row).getByRole('link', { name: DEAL_CLAIM }));
    expect(window.location.pathname).toBe('/claims/us-accepts-rafah-for-no-iran-strike');
    expect(await screen.findByRole('heading', { level: 2, name: DEAL_CLAIM })).toBeInTheDocument();
    // The claim's mentions are read for it on demand.
    expect(await screen.findByText('Egyptian sources → Al-Araby Al-Jadeed → Israel National News')).toBeInTheDocument();

    window.history.back();
    await screen.findByRole('heading', { name: 'Claims and their coverage' });
  });

  it('gives every view one h1, shows the story summary first and moves focus to the new heading', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('region', { name: /Articles/ });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sources');
    expect(screen.getByText(/Strategic Consultative Group/, { selector: '.view-head__summary' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Matrix' }));
    await screen.findByRole('heading', { name: 'Claims and their coverage' });
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Matrix');
    expect(heading).toHaveFocus();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.queryByText(/Strategic Consultative Group/, { selector: '.view-head__summary' })).toBeNull();
  });

  it('copies the canonical link of the view', async () => {
    const { user } = renderApp('/matrix?utm_source=mail&contested=1');
    await screen.findByRole('heading', { name: 'Claims and their coverage' });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/matrix?contested=1`);
  });

  it('lists the events with ranges for dates the coverage only bounds', async () => {
    renderApp('/timeline');
    const table = await screen.findByRole('table');
    const workingGroups = within(table).getByRole('row', { name: /working groups meet virtually/i });
    expect(workingGroups).toHaveTextContent(/–/);
    // The public record gives the first meeting's day; the coverage's phrase stays beside it.
    const first = within(table).getByRole('row', { name: /First virtual SCG meeting/ });
    expect(first).toHaveTextContent('1 Apr 2024');
    expect(first).toHaveTextContent(/public record; coverage: “in recent weeks”/);
    expect(within(table).getByRole('row', { name: /Iran's missile and drone attack on Israel/ })).toHaveTextContent(
      '13 Apr 2024',
    );
  });

  it('drops invalid parts of a link with a visible notice and rewrites the URL canonically', async () => {
    renderApp('/matrix?contested=1&bogus=yes&panes=NOT%20AN%20ID');
    expect(await screen.findByText(/could not be used/)).toBeInTheDocument();
    expect(screen.getByText(/bogus=yes/)).toBeInTheDocument();
    await waitFor(() => expect(`${window.location.pathname}${window.location.search}`).toBe('/matrix?contested=1'));
  });

  it('shows a failed load with a retry that recovers', async () => {
    let failures = 1;
    mockServer.use(
      http.get('*/api/stories', () => {
        if (failures-- > 0) return HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 503 });
        return undefined;
      }),
    );
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the story. boom');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: /Articles \(5\)/ })).toBeInTheDocument();
  });

  it('refuses an API answer that does not match the schema, saying where', async () => {
    mockServer.use(http.get('*/api/stories', () => HttpResponse.json([{ id: 'x', title: '' }])));
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent(/not in the expected shape/);
  });

  it('says so when a claim in the URL does not exist', async () => {
    renderApp('/claims/no-such-claim');
    expect(await screen.findByRole('heading', { name: 'No such claim' })).toBeInTheDocument();
  });
});
