import type { APIRequestContext, Browser } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';
import { signInWithTheForm } from './sign-in-form';

/*
 * Editorial verdicts against the real server on its own fresh database (see own-server.ts),
 * so that the server can also be killed and restarted under an open page.
 */

const own = withOwnServer(test, 'verdicts', { accounts: { alice: 'editor', bob: 'editor' } });
/*
 * Each test edits a claim of its own and sets up the verdict it starts from, so none depends
 * on another having run before it. They share one server (the last one restarts it), hence serial.
 */
const DEAL = 'us-accepts-rafah-for-no-iran-strike';
const POSTPONED = 'washington-meeting-postponed';
const MET_AGAIN = 'participants-will-meet-again';
const pageOf = (claim: string) => `/claims/${claim}`;

test.describe.configure({ mode: 'serial', timeout: 60_000 });

/** A page in a context of its own (another browser, as far as the server can tell), failing on console errors. */
async function openSecondBrowser(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function currentVersion(request: APIRequestContext, claimId: string): Promise<number> {
  const claim = await (await request.get(`${own.url}/api/claims/${claimId}`)).json();
  return claim.verdict.version;
}

/** Changes a claim's verdict through the API as an editor, on whatever version it stands at. */
async function changeThroughApi(request: APIRequestContext, name: string, claimId: string, body: object) {
  expect((await own.signIn(request, name)).status()).toBe(200);
  const version = await currentVersion(request, claimId);
  const response = await request.patch(`${own.url}/api/claims/${claimId}/verdict`, {
    headers: { 'If-Match': `"${version}"` },
    data: body,
  });
  expect(response.status()).toBe(200);
}

test('an editor marks the reported deal disputed; another browser sees it live; the history names the editor', async ({
  page,
  browser,
}) => {
  const reader = await openSecondBrowser(browser);
  await reader.page.goto(`${own.url}${pageOf(DEAL)}`);
  const readerVerdict = reader.page.getByRole('region', { name: 'Verdict' });
  await expect(readerVerdict).toContainText('Unreviewed');
  await expect(readerVerdict).toContainText('Sign in as an editor');

  await page.goto(`${own.url}${pageOf(DEAL)}`);
  await signInWithTheForm(page, 'alice', { checkA11y: true });
  const verdict = page.getByRole('region', { name: 'Verdict' });
  const form = verdict.getByRole('form', { name: 'Change the verdict' });
  await expect(form).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await form.getByRole('radio', { name: 'Disputed' }).check();
  await form.getByLabel('Note').fill('Denied on the record by both governments.');
  await form.getByRole('checkbox', { name: 'International Business Times — denies' }).check();
  await form.getByLabel('Source elsewhere (address)').fill('https://www.whitehouse.gov/briefing-room/');
  await form.getByRole('button', { name: 'Add source' }).click();
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Save verdict' }).click();
  await expect(verdict.getByRole('status')).toHaveText('Saved: Disputed.');

  // The other browser, untouched, follows within two seconds.
  await expect(readerVerdict.locator('.verdict-status')).toHaveText(/Disputed/, { timeout: 2_000 });
  await expect(readerVerdict).toContainText('Denied on the record by both governments.', { timeout: 2_000 });
  const readerHistory = reader.page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(readerHistory).toHaveCount(1, { timeout: 2_000 });
  await expect(readerHistory).toContainText('alice');

  const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('alice');
  await expect(history).toContainText('Unreviewed → Disputed');

  expect(reader.errors).toEqual([]);
  await reader.context.close();
});

test('a stale second edit shows what the other editor changed, and can be re-applied', async ({
  page,
  browser,
  playwright,
}) => {
  const request = await playwright.request.newContext();
  await changeThroughApi(request, 'alice', POSTPONED, { status: 'disputed', note: 'Dates differ between outlets.' });
  await request.dispose();

  const other = await openSecondBrowser(browser);
  await other.page.goto(`${own.url}${pageOf(POSTPONED)}`);
  await signInWithTheForm(other.page, 'bob');
  const bobForm = other.page.getByRole('form', { name: 'Change the verdict' });
  await bobForm.getByRole('radio', { name: 'Misleading' }).check();
  await bobForm.getByLabel('Note').fill('Conflates a request with a deal.');

  await page.goto(`${own.url}${pageOf(POSTPONED)}`);
  await signInWithTheForm(page, 'alice');
  const aliceForm = page.getByRole('form', { name: 'Change the verdict' });
  await aliceForm.getByRole('radio', { name: 'False' }).check();
  await aliceForm.getByRole('button', { name: 'Save verdict' }).click();
  await expect(page.getByRole('region', { name: 'Verdict' }).getByRole('status')).toHaveText('Saved: False.');

  // Bob's page shows alice's verdict live, and keeps his unsaved draft.
  const bobVerdict = other.page.getByRole('region', { name: 'Verdict' });
  await expect(bobVerdict.locator('.verdict-status')).toHaveText(/False/, { timeout: 2_000 });
  await expect(bobForm.getByRole('radio', { name: 'Misleading' })).toBeChecked();
  // He is told before he saves.
  await expect(bobVerdict.getByRole('status')).toContainText('alice saved this verdict (False) while you were editing');
  await bobForm.getByRole('button', { name: 'Save verdict' }).click();

  const conflict = bobVerdict.getByRole('region', { name: 'Another editor changed this verdict' });
  await expect(conflict).toBeVisible();
  await expect(bobVerdict.getByRole('status')).toContainText('Conflict: alice changed this verdict first');
  await expect(conflict).toContainText('alice saved it');
  await expect(conflict.getByRole('row', { name: /Status/ })).toContainText('Disputed');
  await expect(conflict.getByRole('row', { name: /Status/ })).toContainText('False (changed)');
  await expect(conflict.getByRole('row', { name: /Status/ })).toContainText('Misleading');
  await expectNoSeriousA11yViolations(other.page);

  // Re-applying puts his values back in the form, over hers, to check before saving.
  await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(bobVerdict.getByRole('status')).toContainText('Your changes are back in the form');
  await expect(bobForm.getByRole('radio', { name: 'Misleading' })).toBeChecked();
  await expect(bobForm.getByLabel('Note')).toHaveValue('Conflates a request with a deal.');
  await bobForm.getByRole('button', { name: 'Save verdict' }).click();
  await expect(bobVerdict.getByRole('status')).toHaveText('Saved: Misleading.');
  await expect(page.getByRole('region', { name: 'Verdict' }).locator('.verdict-status')).toHaveText(/Misleading/, {
    timeout: 2_000,
  });
  const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history).toHaveCount(3, { timeout: 2_000 });
  // Newest first.
  await expect(history.first()).toContainText('bob');

  // The refused save is the one failed request, and the page handles it.
  expect(other.errors).toEqual([
    'Failed to load resource: the server responded with a status of 412 (Precondition Failed)',
  ]);
  await other.context.close();
});

test('an unsaved verdict draft asks before a move to another view or signing out discards it', async ({ page }) => {
  await page.goto(`${own.url}${pageOf(DEAL)}`);
  await signInWithTheForm(page, 'alice');
  const form = page.getByRole('form', { name: 'Change the verdict' });
  await form.getByRole('radio', { name: 'Unverifiable' }).check();
  const views = page.getByRole('navigation', { name: 'Views' });

  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await views.getByRole('link', { name: 'Timeline' }).click();
  await expect.poll(() => questions).toEqual(['Your changes to this verdict are not saved. Leave and discard them?']);
  await expect(page).toHaveURL(new RegExp(`${pageOf(DEAL)}$`));
  await expect(form.getByRole('radio', { name: 'Unverifiable' })).toBeChecked();

  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => questions).toHaveLength(2);
  await expect(page.getByRole('banner')).toContainText('Signed in as alice');

  page.once('dialog', (dialog) => void dialog.accept());
  await views.getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/\/timeline(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('an open page reconnects to live updates after the server restarts', async ({
  page,
  playwright,
  consoleErrors,
}) => {
  await page.goto(`${own.url}${pageOf(MET_AGAIN)}`);
  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toBeVisible();

  const reconnected = page.waitForResponse((response) => response.url().endsWith('/api/changes'), {
    timeout: 20_000,
  });
  await own.restart({ signal: 'SIGKILL' });
  await reconnected;

  const request = await playwright.request.newContext();
  await changeThroughApi(request, 'alice', MET_AGAIN, { status: 'unverifiable', note: 'After the restart.' });
  await request.dispose();
  await expect(verdict.locator('.verdict-status')).toHaveText(/Unverifiable/, { timeout: 2_000 });
  await expect(verdict).toContainText('After the restart.');

  // While the server was down the browser logged its failed attempts to reconnect; nothing else.
  const unexpected = consoleErrors.filter((error) => !/net::ERR_|EventSource|Failed to load resource/.test(error));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});
