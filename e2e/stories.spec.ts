import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';

/* Starting and switching stories against the real server on its own database. */

const own = withOwnServer(test, 'stories', { accounts: { erin: 'editor' } });

test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function signIn(page: Page) {
  expect((await own.signIn(page.request, 'erin')).status()).toBe(200);
}

test('an editor starts a story in the app, sees its summary, and switches between stories in the header', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${own.url}/stories`);
  await expect(page.getByRole('heading', { level: 1, name: /^Stories/ })).toBeVisible();
  const bundled = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Rafah/ }) });
  await expect(bundled).toContainText(/5 articles · \d+ claims · \d+ mentions · \d+ events/);
  await expectNoSeriousA11yViolations(page);

  const form = page.getByRole('form', { name: 'New story' });
  await form.getByLabel('Title').fill('Gaza pier: who built it');
  await form.getByLabel('Summary').fill('The US military pier off Gaza, May 2024, as five outlets told it.');
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Create the story' }).click();

  await expect(page).toHaveURL(/\/\?story=gaza-pier-who-built-it$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Sources/ })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New story' })).toHaveCount(0);
  await expect(
    page.getByRole('main').getByRole('paragraph').filter({ hasText: 'The US military pier off Gaza, May 2024' }),
  ).toBeVisible();
  const switcher = page.getByRole('banner').getByLabel('Story');
  await expect(switcher).toHaveValue('gaza-pier-who-built-it');

  await switcher.selectOption({ label: 'US–Israel talks on Rafah (April–May 2024)' });
  await expect(page).toHaveURL(/\/\?story=rafah-scg-2024$/);
  await expect(switcher).toHaveValue('rafah-scg-2024');
  await switcher.selectOption('gaza-pier-who-built-it');
  await expect(page).toHaveURL(/\/\?story=gaza-pier-who-built-it$/);

  // The new story is the latest changed, so `/` opens it.
  await page.goto(`${own.url}/`);
  await expect(switcher).toHaveValue('gaza-pier-who-built-it');
});

test('the stories page edits and archives a story, and its forms are accessible on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.goto(`${own.url}/stories`);
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Gaza pier: who built it' }) });
  await item.getByRole('button', { name: /^Edit/ }).click();
  const edit = page.getByRole('form', { name: 'Edit Gaza pier: who built it' });
  await edit.getByLabel('Title').fill('Gaza pier');
  await expectNoSeriousA11yViolations(page);
  await edit.getByRole('button', { name: 'Save' }).click();
  const renamed = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Gaza pier', exact: true }) });
  await renamed.getByRole('button', { name: /^Archive/ }).click();
  const archived = page.getByRole('region', { name: 'Archived' });
  await expect(archived.getByRole('heading', { name: 'Gaza pier', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await archived.getByRole('button', { name: /^Restore/ }).click();
  await expect(page.getByRole('region', { name: 'Archived' })).toHaveCount(0);
});

test('an editor corrects an article’s details in Sources, removes it and undoes the removal', async ({ page }) => {
  await signIn(page);
  await page.goto(`${own.url}/?story=rafah-scg-2024`);
  const pane = page.getByRole('main').getByRole('article').first();
  await pane.getByRole('button', { name: /^Edit details/ }).click();
  const form = pane.getByRole('form', { name: /^Details of / });
  await form.getByLabel('Title').fill('A corrected headline');
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(pane.getByRole('heading', { name: 'A corrected headline' })).toBeVisible();

  await pane.getByRole('button', { name: /^Edit details/ }).click();
  await pane.getByRole('button', { name: 'Remove this article' }).click();
  const removed = page.getByRole('list', { name: 'Removed articles' });
  await expect(removed).toContainText('A corrected headline');
  await expect(page.getByRole('heading', { name: 'A corrected headline' })).toHaveCount(0);
  await removed.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('list', { name: 'Removed articles' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A corrected headline' })).toBeVisible();
});
