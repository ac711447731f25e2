import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { serveEditorialApi, signInThroughApi } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';

const CLAIM_ID = 'us-accepts-rafah-for-no-iran-strike';
const SLOW = { timeout: 10_000 };

describe('publishing a verdict from the claim view', { timeout: 20_000 }, () => {
  it('lets an editor publish a reviewed verdict and withdraw it, saying so', async () => {
    const { store } = await serveEditorialApi();
    await store.updateVerdict({
      claimId: CLAIM_ID,
      expectedVersion: 1,
      content: { status: 'false', note: 'Both governments deny it.', evidence: [] },
      editor: 'bob',
      at: '2024-05-06T09:30:00.000Z',
    });
    await signInThroughApi('alice');
    renderApp(`/claims/${CLAIM_ID}`);
    const region = await screen.findByRole('region', { name: 'Publication' }, SLOW);
    expect(await within(region).findByText('Not published.', {}, SLOW)).toBeInTheDocument();

    await userEvent.click(await within(region).findByRole('button', { name: 'Publish verdict' }, SLOW));
    expect(await within(region).findByRole('status', {}, SLOW)).toHaveTextContent('Verdict published.');
    expect(within(region).getByText(/^Published by alice/)).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'ClaimReview (JSON-LD)' })).toHaveAttribute(
      'href',
      `/api/claims/${CLAIM_ID}/claimreview`,
    );

    await userEvent.click(within(region).getByRole('button', { name: 'Withdraw publication' }));
    expect(await within(region).findByText(/^Withdrawn by alice/, {}, SLOW)).toBeInTheDocument();
    expect((await store.listPublicationHistory(CLAIM_ID)).map((entry) => entry.to)).toEqual(['published', 'withdrawn']);
  });

  it('offers no control for an unreviewed verdict, only what to do first', async () => {
    await serveEditorialApi();
    await signInThroughApi('alice');
    renderApp(`/claims/${CLAIM_ID}`);
    const region = await screen.findByRole('region', { name: 'Publication' }, SLOW);
    expect(await within(region).findByText('Record a verdict before publishing it.', {}, SLOW)).toBeInTheDocument();
    expect(within(region).queryByRole('button')).toBeNull();
  });
});
