import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockServer } from '../../../mocks/node';
import { serveEditorialApi, signInThroughApi } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';

const CLAIM_URL = '/claims/us-accepts-rafah-for-no-iran-strike';
const CLAIM_ID = 'us-accepts-rafah-for-no-iran-strike';
/** The first paint loads the story and the lazy view; a busy machine can take a few seconds. */
const LOADING = { timeout: 5_000 };

let api: Awaited<ReturnType<typeof serveEditorialApi>>;
beforeEach(async () => {
  api = await serveEditorialApi();
});

async function openVerdict() {
  const rendered = renderApp(CLAIM_URL);
  const verdict = await screen.findByRole('region', { name: 'Verdict' }, LOADING);
  return { ...rendered, verdict };
}

const statusOf = (verdict: HTMLElement) => within(verdict).getByRole('status');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the verdict editor', { timeout: 20_000 }, () => {
  it('shows the verdict read-only to someone not signed in, and says how to change it', async () => {
    const { verdict } = await openVerdict();
    expect(verdict).toHaveTextContent('Unreviewed');
    expect(await within(verdict).findByText(/Sign in as an editor/, {}, LOADING)).toBeInTheDocument();
    expect(within(verdict).queryByRole('form')).not.toBeInTheDocument();
  });

  it('tells a signed-in reader that only editors change verdicts', async () => {
    await signInThroughApi('rita');
    const { verdict } = await openVerdict();
    expect(
      await within(verdict).findByText(/Signed in as rita \(reader\): only editors/, {}, LOADING),
    ).toBeInTheDocument();
    expect(within(verdict).queryByRole('form')).not.toBeInTheDocument();
  });

  it('saves a status, note and evidence optimistically, announces "Saved" and adds one history entry', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    expect(within(form).getByRole('button', { name: 'Save verdict' })).toBeDisabled();
    const history = screen.getByRole('region', { name: 'History' });
    expect(await within(history).findByText('No changes yet.')).toBeInTheDocument();

    await user.click(within(form).getByRole('radio', { name: /Disputed/ }));
    await user.type(within(form).getByLabelText('Note'), 'Both governments deny it.');
    expect(within(form).getByText('25 of 10,000 characters')).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'International Business Times — denies' }));
    await user.type(within(form).getByLabelText('Source elsewhere (address)'), 'https://example.org/denial{Enter}');
    expect(within(form).getByRole('list', { name: 'Sources elsewhere' })).toHaveTextContent(
      'https://example.org/denial',
    );

    const release = api.holdNextChange();
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));
    // Shown before the server has answered.
    await waitFor(() =>
      expect(within(verdict).getByText('Both governments deny it.', { selector: 'p' })).toBeVisible(),
    );
    expect(statusOf(verdict)).toHaveTextContent('Saving…');
    expect(await api.store.listVerdictHistory(CLAIM_ID)).toHaveLength(0);
    release();

    await waitFor(() => expect(statusOf(verdict)).toHaveTextContent('Saved: Disputed.'));
    expect(verdict).toHaveTextContent(/Disputed by alice/);
    expect(within(verdict).getByRole('list', { name: 'Evidence' })).toHaveTextContent(
      'Mention: International Business Times — denies',
    );
    const entry = await within(history).findByRole('listitem');
    expect(entry).toHaveTextContent('alice');
    expect(entry).toHaveTextContent('Unreviewed → Disputed');
    expect(entry).toHaveTextContent('Note: “Both governments deny it.”');
    expect(await api.store.listVerdictHistory(CLAIM_ID)).toHaveLength(1);
    expect(within(form).getByRole('button', { name: 'Save verdict' })).toBeDisabled();
  });

  it('rolls back and says why when the server refuses the change, keeping the draft', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    mockServer.use(
      http.patch('*/api/claims/:claim/verdict', () =>
        HttpResponse.json({ error: { code: 'internal', message: 'the disk is full.' } }, { status: 503 }),
      ),
    );
    await user.click(within(form).getByRole('radio', { name: /False/ }));
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));
    await waitFor(() =>
      expect(statusOf(verdict)).toHaveTextContent('Not saved: the disk is full. Your changes are still here.'),
    );
    expect(within(verdict).getByText('Unreviewed', { selector: '.verdict__current *' })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /False/ })).toBeChecked();
    expect(within(form).getByRole('button', { name: 'Save verdict' })).toBeEnabled();
  });

  it('offers a URL only when it is a full http(s) address', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    const field = within(form).getByLabelText('Source elsewhere (address)');
    await user.type(field, 'javascript:alert(1)');
    await user.click(within(form).getByRole('button', { name: 'Add source' }));
    expect(within(form).getByText('Enter a full http:// or https:// address.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByRole('list', { name: 'Sources elsewhere' })).not.toBeInTheDocument();
  });

  it('shows what another editor changed first, and puts the draft back in the form to merge over it', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    await user.click(within(form).getByRole('radio', { name: /Misleading/ }));
    await user.type(within(form).getByLabelText('Note'), 'Overstates a request.');

    await api.store.updateVerdict({
      claimId: CLAIM_ID,
      expectedVersion: 1,
      content: { status: 'false', note: 'Denied by both governments.', evidence: [] },
      editor: 'bob',
      at: '2024-05-06T12:00:00.000Z',
    });
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));

    const conflict = await within(verdict).findByRole('region', { name: 'Another editor changed this verdict' });
    expect(statusOf(verdict)).toHaveTextContent(/^Conflict: bob changed this verdict first/);
    expect(conflict).toHaveTextContent('bob saved it at 6 May 2024, 12:00 UTC');
    const rows = within(conflict).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'FieldWhen you startedTheirs, now savedYours',
      'StatusUnreviewedFalse (changed)Misleading',
      'Note(no note)Denied by both governments. (changed)Overstates a request.',
    ]);
    // The verdict shown is theirs, not the refused draft.
    expect(within(verdict).getByText('Denied by both governments.', { selector: 'p' })).toBeInTheDocument();

    await user.click(within(conflict).getByRole('button', { name: 'Re-apply my changes' }));
    // Nothing saved yet: my values are in the form, over theirs, to check first.
    expect(statusOf(verdict)).toHaveTextContent(/^Your changes are back in the form, now over bob's version/);
    expect(within(verdict).queryByRole('region', { name: /Another editor/ })).not.toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Misleading/ })).toBeChecked();
    expect(within(form).getByLabelText('Note')).toHaveValue('Overstates a request.');
    expect(await api.store.listVerdictHistory(CLAIM_ID)).toHaveLength(1);
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));
    await waitFor(() => expect(statusOf(verdict)).toHaveTextContent('Saved: Misleading.'));
    const history = await api.store.listVerdictHistory(CLAIM_ID);
    expect(history.map((e) => [e.editor, e.to.status, e.version])).toEqual([
      ['bob', 'false', 2],
      ['alice', 'misleading', 3],
    ]);
    // The history keeps the conflict: alice's change went over bob's version 2, knowingly.
    expect(history.map((e) => e.conflictWith)).toEqual([undefined, 2]);
  });

  it('discards the draft in a conflict, keeping what the other editor saved', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    await user.click(within(form).getByRole('radio', { name: /Verified/ }));
    await api.store.updateVerdict({
      claimId: CLAIM_ID,
      expectedVersion: 1,
      content: { status: 'disputed', note: '', evidence: [] },
      editor: 'bob',
      at: '2024-05-06T12:00:00.000Z',
    });
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));
    const conflict = await within(verdict).findByRole('region', { name: 'Another editor changed this verdict' });
    await user.click(within(conflict).getByRole('button', { name: 'Discard mine, keep theirs' }));
    expect(within(verdict).queryByRole('region', { name: /Another editor/ })).not.toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Disputed/ })).toBeChecked();
    expect(within(form).getByRole('button', { name: 'Save verdict' })).toBeDisabled();
    expect(await api.store.listVerdictHistory(CLAIM_ID)).toHaveLength(1);
  });

  it('announces "Signed out" when the session ended before saving, and offers sign-in again', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    await api.store.deleteSessionsOf('alice');
    await user.click(within(form).getByRole('radio', { name: /Unverifiable/ }));
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));
    await waitFor(() => expect(statusOf(verdict)).toHaveTextContent(/^Signed out: sign in again to save/));
    expect(await within(screen.getByRole('banner')).findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(await api.store.listVerdictHistory(CLAIM_ID)).toHaveLength(0);
  });

  it('asks before a move to another view or signing out discards an unsaved draft', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    await user.click(within(form).getByRole('radio', { name: /Misleading/ }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const views = screen.getByRole('navigation', { name: 'Views' });

    await user.click(within(views).getByRole('link', { name: 'Matrix' }));
    expect(confirm).toHaveBeenCalledWith('Your changes to this verdict are not saved. Leave and discard them?');
    expect(window.location.pathname).toBe(CLAIM_URL);
    expect(within(form).getByRole('radio', { name: /Misleading/ })).toBeChecked();

    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    confirm.mockReturnValue(true);
    await user.click(within(views).getByRole('link', { name: 'Matrix' }));
    expect(window.location.pathname).toBe('/matrix');
  });

  it('moves focus to the verdict after saving, and drops "Saved" once signed out', async () => {
    await signInThroughApi('alice');
    const { user, verdict } = await openVerdict();
    const form = await within(verdict).findByRole('form', { name: 'Change the verdict' }, LOADING);
    await user.click(within(form).getByRole('radio', { name: /Verified/ }));
    await user.click(within(form).getByRole('button', { name: 'Save verdict' }));
    await waitFor(() => expect(statusOf(verdict)).toHaveTextContent('Saved: Verified.'));
    expect(within(verdict).getByRole('heading', { name: 'Verdict' })).toHaveFocus();

    const confirm = vi.spyOn(window, 'confirm');
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }));
    await within(screen.getByRole('banner')).findByRole('button', { name: 'Sign in' });
    expect(confirm).not.toHaveBeenCalled();
    expect(statusOf(verdict)).toHaveTextContent(/^$/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});
