import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

const INN = '000_8afd1a478485ac90';
const IBT = '001_2550a2c150cccb37';
const NYT = '003_f7a75abec57e02c2';
const DEAL = 'us-accepts-rafah-for-no-iran-strike';
const DEAL_TEXT = /US agreed to accept an Israeli military operation in Rafah/;
const READOUT_FROM_NYT = 'Shared passage, also in Israel National News and The Jerusalem Post';

test.use({ viewport: { width: 1600, height: 1000 } });

const pane = (page: Page, outlet: string) =>
  page.getByRole('article').filter({ has: page.getByText(outlet, { exact: true }) });
const paneText = (page: Page, outlet: string) => page.getByRole('region', { name: `Text of ${outlet}` });

/** Presses Tab until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 250) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** The deal selected in three panes; scrolled to its evidence unless a followed passage was scrolled to instead. */
async function expectDealView(page: Page, { scrolledToClaim = true } = {}) {
  await expect(page.getByRole('heading', { level: 2, name: DEAL_TEXT })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(3);
  for (const outlet of ['Israel National News', 'International Business Times']) {
    const selected = paneText(page, outlet).locator('mark.hl--selected');
    await expect(selected.first()).toBeVisible();
    if (scrolledToClaim) await expect(selected.first()).toBeInViewport();
    await expect(pane(page, outlet).getByText(/the selected claim ·/)).toBeVisible();
  }
  await expect(
    pane(page, 'The New York Times').getByText('The New York Times does not mention the selected claim.'),
  ).toBeVisible();
  await expect(paneText(page, 'The New York Times').locator('mark.hl--selected')).toHaveCount(0);
}

test('compares articles on the reported deal, follows a shared passage, and reopens from the copied URL', async ({
  page,
  browser,
}) => {
  // Five axe checks and a second browser: slow on a shared machine.
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('checkbox', { name: /^The New York Times/ }).check();
  await expect(page).toHaveURL(new RegExp(`panes=${INN}%2C${IBT}%2C${NYT}|panes=${INN},${IBT},${NYT}`));
  await expectNoSeriousA11yViolations(page);

  await page
    .getByRole('region', { name: /^Claims/ })
    .getByRole('link', { name: DEAL_TEXT })
    .click();
  await expect(page).toHaveURL(new RegExp(`claim=${DEAL}`));
  await expectDealView(page);
  // IBT carries the deal twice: it relays the report and the officials' denial.
  await expect(
    paneText(page, 'International Business Times').locator('mark.hl--selected.hl--denies').first(),
  ).toContainText('flatly denied reports');
  await expectNoSeriousA11yViolations(page);

  // The readout sentence, as the NYT quotes it, leads to the Israel National News copy.
  await paneText(page, 'The New York Times').getByRole('button', { name: READOUT_FROM_NYT }).click();
  const innCopy = paneText(page, 'Israel National News').locator('mark.hl--followed').first();
  await expect(innCopy).toBeInViewport();
  await expect(innCopy).toContainText('US participants expressed concerns');
  const bar = page.getByRole('region', { name: 'Shared passage in 3 articles' });
  await expect(bar).toContainText('The Jerusalem Post');
  await expectNoSeriousA11yViolations(page);

  // Hovering a highlight tells its claim, stance and attribution chain.
  await paneText(page, 'Israel National News').locator('mark.hl--selected').first().hover();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Egyptian sources → Al-Araby Al-Jadeed' })).toBeVisible();

  // The link holds the followed passage too: the fresh view opens on it, the deal still selected.
  const copied = page.url();
  expect(copied).toMatch(/[?&]passage=passage-/);
  const fresh = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const reopened = await fresh.newPage();
    await reopened.goto(copied);
    await expectDealView(reopened, { scrolledToClaim: false });
    await expect(reopened.getByRole('region', { name: 'Shared passage in 3 articles' })).toBeVisible();
    await expect(paneText(reopened, 'Israel National News').locator('mark.hl--followed').first()).toBeInViewport();
    await expect(reopened.getByRole('article').locator('.pane__outlet')).toHaveText([
      'Israel National News',
      'International Business Times',
      'The New York Times',
    ]);
  } finally {
    await fresh.close();
  }

  // Back and forward walk through the claim selections.
  await page
    .getByRole('region', { name: /^Claims/ })
    .getByRole('link', { name: /shared objective of seeing Hamas/ })
    .click();
  await expect(page).toHaveURL(/claim=shared-objective-hamas-defeated/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`claim=${DEAL}`));
  await expectDealView(page);
  await page.goForward();
  await expect(page).toHaveURL(/claim=shared-objective-hamas-defeated/);
});

test('the same path by keyboard only', async ({ page }) => {
  // Tabbing through the article and claim lists takes many key presses.
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(2);

  await tabTo(page, page.getByRole('checkbox', { name: /^The New York Times/ }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('article')).toHaveCount(3);

  await tabTo(page, page.getByRole('region', { name: /^Claims/ }).getByRole('link', { name: DEAL_TEXT }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`claim=${DEAL}`));
  await expectDealView(page);

  // Next span in a pane, with its details read from the focused highlight.
  await tabTo(page, paneText(page, 'International Business Times'));
  await page.keyboard.press('n');
  const focused = page.locator('mark:focus');
  await expect(focused).toBeFocused();
  await expect(focused).toHaveAccessibleDescription(/denies|reports/);
  await expect(pane(page, 'International Business Times').getByText('Span 1 of 3')).toBeVisible();
  await page.keyboard.press('n');
  await expect(pane(page, 'International Business Times').getByText('Span 2 of 3')).toBeVisible();

  await tabTo(page, paneText(page, 'The New York Times').getByRole('button', { name: READOUT_FROM_NYT }));
  await page.keyboard.press('Enter');
  await expect(paneText(page, 'Israel National News').locator('mark.hl--followed').first()).toBeInViewport();

  // Next claim by key, and a pane moved by keyboard keeps the focus.
  await paneText(page, 'The New York Times').getByRole('button', { name: READOUT_FROM_NYT }).press('j');
  await expect(page).not.toHaveURL(new RegExp(`claim=${DEAL}`));
  const moveLeft = page.getByRole('button', { name: 'Move The New York Times left' });
  await tabTo(page, moveLeft);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`panes=${INN}(%2C|,)${NYT}(%2C|,)${IBT}`));
  await expect(moveLeft).toBeFocused();
  await expectNoSeriousA11yViolations(page);
});

test('on a narrow screen the panes stack and stay readable', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`/?panes=${INN},${IBT}&claim=${DEAL}`);
  const panes = page.getByRole('article');
  await expect(panes).toHaveCount(2);
  const first = await panes.nth(0).boundingBox();
  const second = await panes.nth(1).boundingBox();
  expect(first && second && second.y >= first.y + first.height).toBe(true);
  expect(first?.width ?? 0).toBeGreaterThan(300);
  await expectNoSeriousA11yViolations(page);
});

test('the keys are documented in the view', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Keys', { exact: true }).click();
  await expect(page.getByText('Next / previous claim in the list')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

/** A full-page screenshot kept in test-results/ and attached to the report. */
async function testScreenshot(page: Page, name: string) {
  const path = test.info().outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

const ALL_FIVE = `${INN},${IBT},002_2c3146867d4d03b4,${NYT},004_7280a6711755d420`;

for (const size of [
  { name: '1600×1000', width: 1600, height: 1000 },
  { name: 'a 390×844 phone', width: 390, height: 844 },
]) {
  test(`choosing a claim at ${size.name} moves the panes' text, not the page`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    // The search puts the deal at the top of the claim list.
    await page.goto(`/?panes=${ALL_FIVE}&q=Iran%20strike`);
    await expect(page.getByRole('article')).toHaveCount(5);
    const link = page.getByRole('region', { name: /^Claims/ }).getByRole('link', { name: DEAL_TEXT });
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`claim=${DEAL}`));
    const evidence = paneText(page, 'Israel National News').locator('mark.hl--selected').first();
    await expect(evidence).toBeVisible();
    // Let the panes scroll to their evidence; the window stays where the reader was (give or
    // take the selected claim's box appearing above the panes), not in the last pane.
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => window.scrollY);
    expect(Math.abs(after - before)).toBeLessThan(250);
    if (size.width > 1000) {
      if (before === 0) await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
      await expect(pane(page, 'Israel National News').getByRole('heading', { level: 2 })).toBeInViewport();
      await expect(evidence).toBeInViewport();
    } else {
      // Stacked panes: the window has not jumped down to the last one.
      await expect(pane(page, 'The Times of Israel').getByRole('heading', { level: 2 })).not.toBeInViewport();
    }
  });
}

test('five panes fit beside the lists at 1440×900, each headline on three lines at most', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?panes=${ALL_FIVE}&claim=${DEAL}`);
  const panes = page.getByRole('article');
  await expect(panes).toHaveCount(5);
  for (const box of await panes.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
    expect(box.right).toBeLessThanOrEqual(1440);
  }
  const headlines = await panes
    .getByRole('heading', { level: 2 })
    .evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20')),
    );
  for (const lines of headlines) expect(lines).toBeLessThanOrEqual(3.2);
  await expectNoSeriousA11yViolations(page);
  await testScreenshot(page, 'sources-five-panes-1440.png');
});

test('"Read in …" on the claim page adds the article to the open panes', async ({ page }) => {
  await page.goto(`/claims/${DEAL}?panes=${INN},${NYT}`);
  await page.getByRole('link', { name: 'Read in International Business Times' }).first().click();
  await expect(page).toHaveURL(new RegExp(`panes=${INN}(%2C|,)${NYT}(%2C|,)${IBT}`));
  await expect(page.getByRole('article')).toHaveCount(3);
});
