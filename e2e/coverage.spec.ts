import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';

/*
 * Adding coverage against the real server on its own database, so the shared one keeps
 * exactly the bundled story for the other specs.
 */

const own = withOwnServer(test, 'coverage', { accounts: { erin: 'editor' } });
const WIRE = readFileSync(
  join(fileURLToPath(new URL('..', import.meta.url)), 'server', 'ingest', 'fixtures', 'wire-plain.txt'),
  'utf8',
);
const TITLE = 'Israel delays Rafah push after Iranian barrage, officials say';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function signIn(page: Page) {
  expect((await own.signIn(page.request, 'erin')).status()).toBe(200);
}

test('an editor adds an article, accepts two suggestions and rejects one; the matrix and sources show it; the URL reproduces it', async ({
  page,
  browser,
}) => {
  await page.goto(`${own.url}/add`);
  await expect(page.getByText('Adding articles is for editors')).toBeVisible();
  await signIn(page);
  await page.reload();

  const form = page.getByRole('form', { name: 'Add an article' });
  await form.getByLabel('Article text').fill(WIRE);
  await form.getByLabel('Outlet').fill('Global Wire');
  await form.getByRole('checkbox', { name: 'Create “Global Wire” as a new outlet' }).check();
  await expect(form.getByRole('button', { name: 'Add and suggest claims' })).toBeDisabled();
  await form.getByLabel('Published').fill('2024-04-19');
  await expect(form.getByLabel('Title')).toHaveValue(TITLE);
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Add and suggest claims' }).click();

  const review = page.getByRole('region', { name: `Review: Global Wire — ${TITLE}` });
  await expect(review).toBeVisible();
  await expect(page).toHaveURL(/\/add\?article=global-wire-2024-04-19-[0-9a-f]{8}$/);
  const articleId = new URL(page.url()).searchParams.get('article')!;
  await expect(review.getByText(/“last weekend” = 2024-04-13 – 2024-04-14/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Suggestions come sentence by sentence; a card is an item of a sentence's list.
  await expect(review.getByRole('listitem', { name: /^Sentence \d+$/ }).first()).toBeVisible();
  // Within a sentence's list, the items with an Accept button (a card's attribution steps are items too).
  const cards = review
    .getByRole('listitem', { name: /^Sentence \d+$/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Accept' }) });
  const total = await cards.count();
  expect(total).toBeGreaterThanOrEqual(3);
  const claimOf = async (i: number) => (await cards.nth(i).locator('.suggestion__claim').textContent()) ?? '';

  const first = await claimOf(0);
  await cards.nth(0).getByRole('button', { name: 'Accept' }).click();
  await expect(review.getByText(`Accepted: ${first}`, { exact: false })).toBeVisible();
  const second = await claimOf(0);
  await cards.nth(0).getByRole('button', { name: 'Accept' }).click();
  await expect(review.getByText(`Accepted: ${second}`, { exact: false })).toBeVisible();
  const third = await claimOf(0);
  await cards.nth(0).getByRole('button', { name: 'Reject' }).click();
  await expect(review.getByText(`Rejected: ${third}`, { exact: false })).toBeVisible();
  await expect(review).toContainText('2 claim mentions recorded');

  await review.getByRole('link', { name: 'See it in the Matrix' }).click();
  await expect(page).toHaveURL(/\/matrix/);
  await expect(page.getByRole('columnheader', { name: /Global Wire/ }).first()).toBeVisible();

  await page.goBack();
  await review.getByRole('link', { name: 'Read it in Sources' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?panes=${articleId}$|/sources\\?panes=${articleId}$`));
  const pane = page.getByRole('article').filter({ hasText: TITLE });
  // Every accepted sentence is evidence now, highlighted in the new pane.
  await expect.poll(() => pane.locator('mark').count()).toBeGreaterThanOrEqual(2);

  const copied = page.url();
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(copied);
  await expect
    .poll(() => fresh.getByRole('article').filter({ hasText: TITLE }).locator('mark').count())
    .toBeGreaterThanOrEqual(2);
  await context.close();
});
