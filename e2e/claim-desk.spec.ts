import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';

/*
 * Correcting claims and mentions in the claim view, against a server of its own: a claim
 * reworded and the change undone, a mention's stance fixed, a mention deleted and brought back.
 */

const own = withOwnServer(test, 'claim-desk', { accounts: { erin: 'editor' } });
const DEAL = 'us-accepts-rafah-for-no-iran-strike';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function signIn(page: Page) {
  expect((await own.signIn(page.request, 'erin')).status()).toBe(200);
}

test('an editor rewords a claim and undoes it; fixes a stance, deletes a mention and brings it back', async ({
  page,
}) => {
  await page.goto(`${own.url}/claims/${DEAL}`);
  await signIn(page);
  await page.reload();
  const heading = page.getByRole('heading', { level: 2 }).first();
  const original = (await heading.textContent()) ?? '';

  const reword = page.getByRole('form', { name: 'Reword the claim' });
  await reword.getByLabel('Wording').fill('The US would accept a Rafah operation if Israel held back on Iran.');
  await reword.getByRole('button', { name: 'Save wording' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Wording saved' });
  await expect(notice).toBeVisible();
  await expect(heading).toHaveText('The US would accept a Rafah operation if Israel held back on Iran.');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone.' })).toBeVisible();
  await expect(heading).toHaveText(original);

  const mentions = page.locator('ol.mentions > li');
  const count = await mentions.count();
  const first = mentions.first();
  await first.getByText('Edit this mention').click();
  await expectNoSeriousA11yViolations(page);
  const stanceForm = first.getByRole('form', { name: /^Stance in / });
  const stance = stanceForm.getByLabel('Stance');
  const was = await stance.inputValue();
  const next = was === 'denies' ? 'reports' : 'denies';
  await stance.selectOption(next);
  await stanceForm.getByRole('button', { name: 'Save stance' }).click();
  await expect(page.getByRole('status').filter({ hasText: `is now “${next}”` })).toBeVisible();

  const matrix = await page.request.get(`${own.url}/api/stories/rafah-scg-2024`);
  const bundle = (await matrix.json()) as { mentions: { claim: string; stance: string }[] };
  expect(bundle.mentions.filter((m) => m.claim === DEAL).some((m) => m.stance === next)).toBe(true);

  // A mention no event cites can go (one an event cites is refused, naming the event).
  const story = (await (await page.request.get(`${own.url}/api/stories/rafah-scg-2024`)).json()) as {
    mentions: { id: string; claim: string }[];
    events: { mentions: string[] }[];
  };
  const cited = new Set(story.events.flatMap((e) => e.mentions));
  const ofDeal = story.mentions.filter((m) => m.claim === DEAL);
  const free = ofDeal.findIndex((m) => !cited.has(m.id));
  expect(free).toBeGreaterThanOrEqual(0);
  const target = mentions.nth(free);
  if (free !== 0) await target.getByText('Edit this mention').click();
  await target.getByRole('button', { name: 'Delete mention' }).click();
  const deleted = page.getByRole('status').filter({ hasText: 'deleted' });
  await expect(deleted).toBeVisible();
  await expect(mentions).toHaveCount(count - 1);
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(mentions).toHaveCount(count);

  await page.setViewportSize({ width: 390, height: 844 });
  await mentions.first().getByText('Edit this mention').click();
  await expectNoSeriousA11yViolations(page);
});
