import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveEditorialApi } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';

const CLAIM_ID = 'us-accepts-rafah-for-no-iran-strike';

describe('the verdict history of a claim', { timeout: 20_000 }, () => {
  it('lists every accepted change newest first: who, when, from what, to what', async () => {
    const { store } = await serveEditorialApi();
    const change = (expectedVersion: number, editor: string, at: string, status: 'disputed' | 'false', note: string) =>
      store.updateVerdict({
        claimId: CLAIM_ID,
        expectedVersion,
        content: {
          status,
          note,
          evidence: expectedVersion === 2 ? [{ kind: 'url', url: 'https://example.org/' }] : [],
        },
        editor,
        at,
      });
    await change(1, 'alice', '2024-05-06T09:30:00.000Z', 'disputed', 'Denied by both.');
    await change(2, 'bob', '2024-05-07T16:05:00.000Z', 'false', 'Denied by both.');

    renderApp(`/claims/${CLAIM_ID}`);
    const history = await screen.findByRole('region', { name: 'History' }, { timeout: 5_000 });
    const entries = await within(history).findAllByRole('listitem', {}, { timeout: 5_000 });
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'bob · 7 May 2024, 16:05 UTC · version 3Disputed → FalseEvidence: none → 1 piece of evidence',
      'alice · 6 May 2024, 09:30 UTC · version 2Unreviewed → DisputedNote: “Denied by both.”',
    ]);
    const verdict = screen.getByRole('region', { name: 'Verdict' });
    expect(verdict).toHaveTextContent('False by bob, 7 May 2024, 16:05 UTC');
    expect(within(history).queryByText(/After a conflict/)).toBeNull();
    expect(within(verdict).getByRole('link', { name: 'https://example.org/' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
  });

  it('says when there are no changes yet', async () => {
    await serveEditorialApi();
    renderApp(`/claims/${CLAIM_ID}`);
    const history = await screen.findByRole('region', { name: 'History' }, { timeout: 5_000 });
    expect(await within(history).findByText('No changes yet.')).toBeInTheDocument();
  });

  it('shows a change saved over another editor’s version after a conflict', async () => {
    const { store } = await serveEditorialApi();
    const content = (status: 'false' | 'misleading') => ({ status, note: '', evidence: [] });
    await store.updateVerdict({
      claimId: CLAIM_ID,
      expectedVersion: 1,
      content: content('false'),
      editor: 'bob',
      at: '2024-05-06T12:00:00.000Z',
    });
    await store.updateVerdict({
      claimId: CLAIM_ID,
      expectedVersion: 2,
      content: content('misleading'),
      editor: 'alice',
      at: '2024-05-06T12:05:00.000Z',
      conflictWith: 2,
    });
    renderApp(`/claims/${CLAIM_ID}`);
    const history = await screen.findByRole('region', { name: 'History' }, { timeout: 5_000 });
    const entries = await within(history).findAllByRole('listitem', {}, { timeout: 5_000 });
    expect(entries[0]).toHaveTextContent(/^alice · .* · version 3False → Misleading/);
    expect(entries[0]).toHaveTextContent('After a conflict: saved over bob’s version 2');
    expect(entries[1]).not.toHaveTextContent('After a conflict');
  });
});
