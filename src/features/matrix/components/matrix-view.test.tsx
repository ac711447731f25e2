import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render-app';

const DEAL = /US agreed to accept an Israeli military operation in Rafah/;
const SLOW = { timeout: 10_000 };

describe('the matrix view', () => {
  it('shows the reported deal as contested with one independent origin for it', async () => {
    renderApp('/matrix');
    const grid = await screen.findByRole('grid', { name: 'Claims and their coverage' }, SLOW);
    const row = within(grid).getByRole('row', { name: DEAL });
    expect(row).toHaveAccessibleName(/\(contested\)$/);
    expect(within(row).getByText('contested')).toBeInTheDocument();
    expect(within(row).getByRole('gridcell', { name: '1 independent origin for, 2 against' })).toBeInTheDocument();
    expect(grid).toHaveAttribute('aria-rowcount', String(1 + 55 + 8));
    expect(grid).toHaveAttribute('aria-colcount', String(3 + 5));
  });

  it('opens a cell’s evidence beside the grid and puts the claim in the URL', async () => {
    const { user } = renderApp('/matrix');
    const grid = await screen.findByRole('grid', { name: 'Claims and their coverage' }, SLOW);
    const row = within(grid).getByRole('row', { name: DEAL });
    await user.click(within(row).getByRole('gridcell', { name: /^contradicts via Deputy Spokesperson/ }));
    expect(window.location.search).toBe('?claim=us-accepts-rafah-for-no-iran-strike&cell=002_2c3146867d4d03b4');
    const details = screen.getByRole('region', { name: DEAL });
    const evidence = within(details).getByRole('region', { name: 'Evidence in The Jerusalem Post' });
    expect(within(evidence).getByRole('link', { name: 'Open in Sources: The Jerusalem Post' })).toHaveAttribute(
      'href',
      '/?panes=002_2c3146867d4d03b4&claim=us-accepts-rafah-for-no-iran-strike',
    );
    await user.click(within(details).getByRole('button', { name: 'Close claim details' }));
    expect(window.location.search).toBe('');
    expect(screen.queryByRole('region', { name: DEAL })).not.toBeInTheDocument();
  });

  it('says when no claim matches, and counts what is shown', async () => {
    renderApp('/matrix?q=no%20such%20words');
    expect(await screen.findByText('No claim matches these filters.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Showing 0 of 55 claims against 5 articles.')).toBeInTheDocument();
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '1');
  });

  it('starts with every source ticked; unticking one hides its column and says origins still count it', async () => {
    const { user } = renderApp('/matrix');
    const grid = await screen.findByRole('grid', { name: 'Claims and their coverage' }, SLOW);
    await user.click(within(screen.getByRole('group', { name: /Filter, sort and export/ })).getByText('Sources'));
    const boxes = screen.getAllByRole('checkbox', { name: /, 2024-/ });
    expect(boxes).toHaveLength(5);
    for (const box of boxes) expect(box).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: /^The Jerusalem Post/ }));
    expect(new URLSearchParams(window.location.search).get('source')?.split(',')).toHaveLength(4);
    expect(grid).toHaveAttribute('aria-colcount', String(3 + 4));
    expect(screen.getByRole('checkbox', { name: /^The Jerusalem Post/ })).not.toBeChecked();
    expect(screen.getByText(/Independent origins count every source, not only the ones shown/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /^The Jerusalem Post/ }));
    expect(window.location.search).toBe('');
    expect(grid).toHaveAttribute('aria-colcount', String(3 + 5));
  });
});
