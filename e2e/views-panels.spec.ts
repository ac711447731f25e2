import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';
import { smallTargets } from './target-size';

/*
 * Every open panel, as a reader and as an editor, at desktop size and on a phone: axe finds
 * nothing serious and every control is at least 24×24 px. On a server of its own, so that
 * the editor's changes leave the shared database as bundled.
 */

const own = withOwnServer(test, 'views-panels', { accounts: { erin: 'editor', bob: 'editor' } });
const DEAL = 'us-accepts-rafah-for-no-iran-strike';
const INN = '000_8afd1a478485ac90';
const JPOST = '002_2c3146867d4d03b4';
const NYT = '003_f7a75abec57e02c2';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function signIn(page: Page, username = 'erin') {
  expect((await own.signIn(page.request, username)).status()).toBe(200);
}

/** axe and the target sizes, for one state of one view. */
async function expectAccessible(page: Page, what: string) {
  await expectNoSeriousA11yViolations(page);
  expect(await smallTargets(page), what).toEqual([]);
}

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of SIZES) {
  test(`Sources with a selected claim and its open panels pass axe at ${size.name} size`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`${own.url}/?panes=${INN},${JPOST},${NYT}&claim=${DEAL}&q=Iran%20strike`);
    await expect(page.getByRole('heading', { level: 2, name: /US agreed to accept/ })).toBeVisible();
    await expect(page.locator('mark.hl--selected').first()).toBeVisible();
    await expect(page.locator('mark.search-hit').first()).toBeAttached();
    await expectAccessible(page, 'selected claim and search');

    // The keys help, the shared passage bar and a highlight's tooltip, open together.
    await page.locator('.keys-help > summary').click();
    await page
      .getByRole('region', { name: 'Text of The New York Times' })
      .getByRole('button', { name: /^Shared passage, also in/ })
      .first()
      .click();
    await expect(page.getByRole('region', { name: /^Shared passage in/ })).toBeVisible();
    await page
      .getByRole('region', { name: /^Shared passage in/ })
      .getByRole('button', { name: 'Next copy' })
      .click();
    await page.getByRole('button', { name: 'Next span in Israel National News' }).click();
    await expect(page.getByRole('region', { name: 'Text of Israel National News' }).getByRole('tooltip')).toBeVisible();
    await expectAccessible(page, 'keys, shared passage and tooltip');
  });

  test(`the editor's claim view, its verdict form, history and conflict pass axe at ${size.name} size`, async ({
    page,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signIn(page);
    await page.goto(`${own.url}/claims/${DEAL}`);
    const verdict = page.getByRole('region', { name: 'Verdict' });
    const form = verdict.getByRole('form', { name: 'Change the verdict' });
    await expect(form).toBeVisible();
    await expectAccessible(page, 'claim, editor');

    // Another editor saves while this one edits: the conflict panel, then the history records it.
    // The second run starts from the first one's verdict (Misleading): each changes it to another.
    const [mine, theirs] = size.name === 'desktop' ? ['Misleading', 'false'] : ['False', 'disputed'];
    await form.getByRole('radio', { name: new RegExp(mine) }).check();
    const other = await page.context().browser()?.newContext();
    if (!other) throw new Error('no browser');
    const bob = other.request;
    expect((await own.signIn(bob, 'bob')).status()).toBe(200);
    const version = (await (await bob.get(`${own.url}/api/claims/${DEAL}`)).json()).verdict.version as number;
    expect(
      (
        await bob.patch(`${own.url}/api/claims/${DEAL}/verdict`, {
          headers: { 'If-Match': `"${version}"`, Origin: own.url },
          data: { status: theirs },
        })
      ).status(),
    ).toBe(200);
    await other.close();
    await form.getByRole('button', { name: 'Save verdict' }).click();
    const conflict = verdict.getByRole('region', { name: 'Another editor changed this verdict' });
    await expect(conflict).toBeVisible();
    await expectAccessible(page, 'conflict');
    await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
    await form.getByRole('button', { name: 'Save verdict' }).click();
    await expect(verdict.getByRole('status')).toHaveText(`Saved: ${mine}.`);
    const latest = page.getByRole('region', { name: 'History' }).getByRole('listitem').first();
    await expect(latest).toContainText('erin');
    await expect(latest).toContainText(`After a conflict: saved over bob’s version ${version + 1}`);
    // The refused save is the one failed request, and the page handled it.
    const refused = 'Failed to load resource: the server responded with a status of 412 (Precondition Failed)';
    expect(consoleErrors).toEqual([refused]);
    consoleErrors.splice(0);
    await expectAccessible(page, 'history with a conflict');
  });

  test(`the add coverage form of an editor passes axe at ${size.name} size`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signIn(page);
    await page.goto(`${own.url}/add`);
    await expect(page.getByRole('form', { name: 'Add an article' })).toBeVisible();
    await expectAccessible(page, 'add, editor');
  });
}
