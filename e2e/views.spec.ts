import type { Page, TestInfo } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { smallTargets } from './target-size';

/* The views as people first meet them: at desktop size and on a phone, by keyboard, and through a shared link. */

const VIEWS = [
  { name: 'sources', path: '/', ready: /Articles \(5\)/ },
  { name: 'matrix', path: '/matrix', ready: 'Claims and their coverage' },
  { name: 'timeline', path: '/timeline', ready: 'Sequence of events' },
  { name: 'claim', path: '/claims/us-accepts-rafah-for-no-iran-strike', ready: /US agreed to accept/ },
  { name: 'add', path: '/add', ready: /Add coverage/ },
] as const;

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Elements that carry a verdict or a status; strike-through there reads as "not false", "not postponed". */
async function struckStatusElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => getComputedStyle(el).textDecorationLine.includes('line-through'))
      // Withdrawn things may be struck through; nothing else may.
      .filter((el) => !el.closest('del, s, [data-withdrawn]'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40) ?? ''}`),
  );
}

/** A full-page screenshot kept in test-results/ and attached to the report, for a reviewer to look at. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const size of SIZES) {
  test(`every view at ${size.name} size has one h1, no struck status, passes axe, and is photographed`, async ({
    page,
  }, testInfo) => {
    // Five views, each with axe and a full-page screenshot, plus a panel: slow on a shared machine.
    test.setTimeout(300_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const view of VIEWS) {
      await page.goto(view.path);
      await expect(page.getByRole('heading', { name: view.ready }).first()).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
      expect(await struckStatusElements(page), view.name).toEqual([]);
      await expectNoSeriousA11yViolations(page);
      await attachScreenshot(page, testInfo, `${view.name}-${size.name}.png`);
    }

    // An open panel: the timeline's event details, with a postponed event's status.
    await page.goto('/timeline');
    await page
      .getByRole('table')
      .getByRole('button', { name: /In-person SCG meeting in Washington/ })
      .click();
    const panel = page.getByRole('complementary', { name: /In-person SCG meeting in Washington/ });
    await expect(panel.locator('.status[data-status-text="postponed"]')).toHaveText('‖ postponed');
    expect(await struckStatusElements(page)).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await attachScreenshot(page, testInfo, `timeline-panel-${size.name}.png`);
  });
}

test('the first view shows the story summary', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/outlets relay a reported deal/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Sources/);
});

test('statuses are told by glyph and word, not by strike-through', async ({ page }) => {
  await page.goto('/timeline');
  const row = page.getByRole('table').getByRole('row', { name: /In-person SCG meeting in Washington/ });
  const status = row.locator('[data-status-text="postponed"]');
  await expect(status).toHaveText('‖ postponed');
  await expect(status).toHaveCSS('text-decoration-line', 'none');
});

test('focus lands on the new view heading after navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Articles \(5\)/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Timeline');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Matrix' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Matrix');
});

test('Copy link gives a URL that reopens the same view in a fresh browser', async ({ page, browser, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/matrix?contested=1&utm_source=newsletter&fbclid=abc');
  await expect(page.getByRole('heading', { name: 'Claims and their coverage' })).toBeVisible();
  // Tracking parameters are left out quietly: no notice, and not in the canonical URL.
  await expect(page).toHaveURL(/\/matrix\?contested=1$/);
  await expect(page.getByText('could not be used')).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}/matrix?contested=1`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await expect(other.getByRole('heading', { name: 'Claims and their coverage' })).toBeVisible();
  await expect(other).toHaveURL(copied);
  await expect(other.getByRole('checkbox', { name: /contested/i })).toBeChecked();
  await fresh.close();
});

test('the article picker shows all five articles without scrolling the list', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Articles of the story' });
  await expect(list.getByRole('checkbox')).toHaveCount(5);
  const scroller = list.locator('xpath=..');
  const clipped = await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(clipped).toBe(false);
});

test('a link with an unknown topic or claim says so instead of showing nothing', async ({ page }) => {
  await page.goto('/matrix?topic=Weather');
  await expect(page.getByRole('status').filter({ hasText: 'does not match this story' })).toContainText(
    'topic=Weather: no claim in this story has this topic',
  );
  await page.goto('/?claim=no-such-claim');
  await expect(page.getByRole('status').filter({ hasText: 'does not match this story' })).toContainText(
    'claim=no-such-claim',
  );
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByText(/does not mention the selected claim/)).toHaveCount(0);
});

test('a seven-id pane link with two wrong ids opens all five articles and names only the wrong ones', async ({
  page,
}) => {
  const ids = ['000_8afd1a478485ac90', '001_2550a2c150cccb37', '002_2c3146867d4d03b4', '003_f7a75abec57e02c2'];
  await page.goto(`/?panes=${[ids[0], 'no-such-article', ...ids.slice(1), 'gone', '004_7280a6711755d420'].join(',')}`);
  await expect(page.getByRole('article')).toHaveCount(5);
  await expect(page.getByRole('status').filter({ hasText: 'Not in this story' })).toContainText(
    'no-such-article, gone',
  );
  await expect(page.getByText(/more than 5/)).toHaveCount(0);
});

/** True when the page is wider than its window: the reader would have to scroll sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

const NARROW = [
  { name: 'a 390×844 phone', width: 390, height: 844, scale: 3 },
  // 1440×900 at 200% zoom lays out as 720×450 CSS pixels.
  { name: '200% zoom', width: 720, height: 450, scale: 2 },
] as const;

for (const size of NARROW) {
  test(`the timeline does not scroll sideways at ${size.name}, and lists the events one under another`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
    });
    const page = await context.newPage();
    await page.goto(testInfo.project.use.baseURL + '/timeline');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(14);
    expect(await scrollsSideways(page)).toBe(false);
    // One event under another: each row starts below the one before.
    const tops = await rows.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(tops.every((top, i) => i === 0 || top > (tops[i - 1] ?? 0))).toBe(true);
    await page
      .getByRole('table')
      .getByRole('button', { name: /In-person SCG meeting in Washington/ })
      .click();
    await expect(page.getByRole('complementary', { name: /In-person SCG meeting in Washington/ })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await attachScreenshot(page, testInfo, `timeline-${size.width}.png`);
    await context.close();
  });
}

for (const size of NARROW) {
  test(`at ${size.name} a stance cell of the matrix is in view, tappable, and opens its evidence`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(testInfo.project.use.baseURL + '/matrix');
    const row = page.getByRole('row', { name: /US agreed to accept an Israeli military operation in Rafah/ });
    await row.scrollIntoViewIfNeeded();
    // Israel National News, the first source: beside the fixed columns, not under them.
    const cell = row.getByRole('gridcell', { name: /^reports via Egyptian sources/ });
    await expect(cell).toBeInViewport({ ratio: 0.6 });
    const onTop = await cell.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(onTop).toBe(true);
    await cell.tap();
    const details = page.getByRole('region', { name: /US agreed to accept/ });
    await expect(details.getByRole('region', { name: 'Evidence in Israel National News' })).toBeVisible();
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousA11yViolations(page);
    await attachScreenshot(page, testInfo, `matrix-${size.width}.png`);
    await context.close();
  });
}

for (const size of SIZES) {
  test(`interactive controls of the matrix and Sources are at least 24×24 px at ${size.name} size`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/?claim=us-accepts-rafah-for-no-iran-strike');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expect(page.locator('mark').first()).toBeVisible();
    expect(await smallTargets(page), 'sources').toEqual([]);
    await page.goto('/matrix?claim=us-accepts-rafah-for-no-iran-strike&cell=000_8afd1a478485ac90');
    await expect(page.getByRole('region', { name: 'Evidence in Israel National News' })).toBeVisible();
    expect(await smallTargets(page), 'matrix').toEqual([]);
  });

  test(`interactive controls of the timeline, claim and add views are at least 24×24 px at ${size.name} size`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/timeline');
    await expect(page.getByRole('heading', { name: 'Sequence of events' })).toBeVisible();
    await page
      .getByRole('table')
      .getByRole('button', { name: /In-person SCG meeting in Washington/ })
      .click();
    await expect(page.getByRole('complementary', { name: /In-person SCG meeting in Washington/ })).toBeVisible();
    expect(await smallTargets(page), 'timeline').toEqual([]);
    await page.goto('/claims/us-accepts-rafah-for-no-iran-strike');
    await expect(page.getByRole('heading', { name: /US agreed to accept/ }).first()).toBeVisible();
    expect(await smallTargets(page), 'claim').toEqual([]);
    await page.goto('/add');
    await expect(page.getByRole('heading', { name: /Add coverage/ }).first()).toBeVisible();
    expect(await smallTargets(page), 'add').toEqual([]);
  });
}

test('"Iran strike" finds the reported deal in Sources and in the Matrix, words in any order', async ({ page }) => {
  const deal = /US agreed to accept an Israeli military operation in Rafah/;
  await page.goto('/?q=Iran%20strike');
  const claims = page.getByRole('region', { name: /Claims/ });
  await expect(claims.getByRole('link', { name: deal })).toBeVisible();
  await page.goto('/matrix?q=strike%20IRAN');
  await expect(page.getByRole('row', { name: deal }).first()).toBeVisible();
});

test('at 1440×900 the matrix fills the width, names every outlet whole, and its open panel passes axe', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/matrix');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row').nth(2)).toBeVisible();
  const fit = await grid.evaluate((element) => ({
    grid: element.getBoundingClientRect().width,
    room: element.parentElement?.clientWidth ?? 0,
  }));
  expect(Math.abs(fit.grid - fit.room)).toBeLessThanOrEqual(2);
  const clipped = await page
    .locator('.mx-head__outlet')
    .evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent));
  expect(clipped).toEqual([]);

  await page.goto('/matrix?claim=us-accepts-rafah-for-no-iran-strike&cell=000_8afd1a478485ac90');
  await expect(page.getByRole('region', { name: 'Evidence in Israel National News' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await attachScreenshot(page, testInfo, 'matrix-open-cell-desktop.png');
});
