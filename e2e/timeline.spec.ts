import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

const chartOf = (page: Page) => page.getByRole('group', { name: /^Timeline of .*one mark per event/ });
const marksOf = (page: Page) => chartOf(page).getByRole('button');

async function eventIds(locator: Locator): Promise<(string | null)[]> {
  return locator.evaluateAll((elements) => elements.map((el) => el.getAttribute('data-event-id')));
}

test('the chart shows the meeting sequence with format, status and uncertain dates, like the table', async ({
  page,
}) => {
  await page.goto('/timeline');
  const chart = chartOf(page);

  const april18 = chart.getByRole('button', {
    name: /^Virtual SCG meeting on Iran and Rafah: 18 Apr 2024, virtual meeting, held/,
  });
  await expect(april18).toHaveAttribute('data-status', 'held');
  await expect(april18).toHaveAttribute('data-format', 'virtual');
  await expect(april18.locator('circle.tl-symbol')).toHaveCSS('stroke-dasharray', 'none');

  const washington = chart.getByRole('button', {
    name: /^In-person SCG meeting in Washington: .*in person meeting, postponed/,
  });
  await expect(washington).toHaveAttribute('data-status', 'postponed');
  await expect(washington.locator('.tl-mark__range')).toHaveCSS('stroke-dasharray', '3px, 2px');
  await expect(washington.locator('.tl-mark__strike')).toHaveCount(1);

  // The working groups' dates are known only as a range; the first SCG meeting's day is from the record.
  await expect(chart.getByRole('button', { name: /^First virtual SCG meeting on Rafah: 1 Apr 2024/ })).toHaveAttribute(
    'data-precision',
    'day',
  );
  const earlier = chart.getByRole('button', {
    name: /^Lower-level US–Israeli working groups meet virtually on Rafah plans: 21 Mar 2024 – 17 Apr 2024 \(range\)/,
  });
  await expect(earlier).toHaveAttribute('data-precision', 'range');
  const bar = await earlier.locator('.tl-mark__range').boundingBox();
  const day = await april18.locator('.tl-symbol').boundingBox();
  // Four weeks wide, never collapsed to one invented day.
  expect(bar?.width ?? 0).toBeGreaterThan(10 * (day?.width ?? 0));

  await expect(
    chart.getByRole('button', {
      name: /^Sullivan's in-person meeting with Israeli security officials.*: 19 May 2024, in person meeting, held/,
    }),
  ).toBeVisible();

  // 001 came out on 18 April, before the meeting it previews: its publication marker says so.
  await expect(chart.locator('[data-article-id="001_2550a2c150cccb37"] .tl-publication__preview')).toHaveCount(1);
  await expect(
    page.getByText(/Written before the event it reports: International Business Times \(18 Apr 2024\)/),
  ).toBeVisible();

  const tableRows = page.getByRole('table').locator('tbody tr');
  await expect(tableRows).toHaveCount(14);
  expect(await eventIds(tableRows)).toEqual(await eventIds(marksOf(page)));
  await expectNoSeriousA11yViolations(page);
});

test('activating the 18 April meeting lists the articles that report it and opens one in the Sources view', async ({
  page,
}) => {
  await page.goto('/timeline');
  const mark = chartOf(page).getByRole('button', { name: /^Virtual SCG meeting on Iran and Rafah/ });
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/timeline\?event=scg-virtual-meeting-18-april$/);

  const panel = page.getByRole('complementary', { name: 'Virtual SCG meeting on Iran and Rafah' });
  await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(panel.getByRole('heading', { name: 'Reported by 4 articles' })).toBeVisible();
  const reports = panel.locator('li[data-article-id]');
  await expect(reports.locator('.tl-report__outlet')).toHaveText([
    'Israel National News',
    'International Business Times',
    'The Jerusalem Post',
    'The New York Times',
  ]);
  const ibtimes = reports.filter({ hasText: 'International Business Times' });
  await expect(ibtimes).toContainText('speaks of it as planned (written before it took place)');
  await expect(ibtimes.locator('blockquote').first()).toContainText('are set to hold a high-level virtual meeting');
  await expect(panel.getByRole('list', { name: /Claims linked to this event/ }).getByRole('link')).not.toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await ibtimes
    .getByRole('link', { name: /Show in Sources/ })
    .first()
    .click();
  // IBTimes previewed the meeting: its evidence is for the scheduled meeting.
  await expect(page).toHaveURL(/^[^?]*\/\?panes=001_2550a2c150cccb37&claim=scg-18-april-meeting-scheduled/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article')).toContainText('The United States and Israel are set to hold');

  await page.goBack();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: /Close/ }).click();
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(/\/timeline$/);
});

test('a zoomed, filtered view survives a reload of its URL in a new browser context', async ({ page, browser }) => {
  await page.goto('/timeline');
  await page.getByRole('checkbox', { name: /Announcements/ }).uncheck();
  await page.getByRole('checkbox', { name: /Operations/ }).uncheck();
  await page.getByLabel('From', { exact: true }).fill('10 Apr 2024');
  await page.getByLabel('To', { exact: true }).fill('25 Apr 2024');
  await expect(page).toHaveURL(/\/timeline\?kind=meeting,attack&from=2024-04-10&to=2024-04-25$/);
  const shown = await eventIds(marksOf(page));
  expect(shown).toEqual([
    'working-group-meetings',
    'iran-attack-on-israel',
    'biden-g7-call',
    'scg-washington-in-person-meeting',
    'scg-virtual-meeting-18-april',
    'scg-follow-up-meeting',
  ]);
  await marksOf(page)
    .filter({ hasText: /Washington/ })
    .click();
  await expect(page).toHaveURL(/event=scg-washington-in-person-meeting/);
  const url = page.url();

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('checkbox', { name: /Meetings/ })).toBeChecked();
    await expect(fresh.getByRole('checkbox', { name: /Operations/ })).not.toBeChecked();
    await expect(fresh.getByLabel('From', { exact: true })).toHaveValue('10 Apr 2024');
    await expect(fresh.getByLabel('To', { exact: true })).toHaveValue('25 Apr 2024');
    await expect(marksOf(fresh)).toHaveCount(shown.length);
    expect(await eventIds(marksOf(fresh))).toEqual(shown);
    expect(await eventIds(fresh.getByRole('table').locator('tbody tr'))).toEqual(shown);
    await expect(fresh.getByRole('complementary', { name: 'In-person SCG meeting in Washington' })).toContainText(
      'says it was postponed',
    );
    await expectNoSeriousA11yViolations(fresh);
  } finally {
    await context.close();
  }
});

test('the brush zooms by keyboard, and a link with an impossible zoom says so', async ({ page }) => {
  await page.goto('/timeline');
  // Each handle has a name of its own: which end, and its day.
  await expect(page.getByRole('slider', { name: /^Zoom end: 21 May 2024/ })).toHaveCount(1);
  const handle = page.getByRole('slider', { name: /^Zoom start: 19 Mar 2024/ });
  await handle.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/timeline\?from=2024-03-24&to=2024-05-21$/);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('24 Mar 2024');
  await expect(page.getByRole('slider', { name: /^Zoom start: 24 Mar 2024/ })).toHaveCount(1);

  await page.goto('/timeline?from=2024-05-01&to=2024-04-01');
  await expect(page.getByRole('alert')).toContainText('starts (2024-05-01) after it ends (2024-04-01)');
  await expect(marksOf(page)).toHaveCount(14);
});

test('exports the chart as SVG and PNG and the events as CSV', async ({ page }) => {
  await page.goto('/timeline?kind=meeting');
  // Eight meetings: the Biden–Netanyahu call is a virtual meeting, like the G7 call.
  await expect(marksOf(page)).toHaveCount(8);

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), body: await readFile((await file.path()) ?? '') };
  };

  const csv = await download('Events as CSV');
  expect(csv.name).toBe('rafah-scg-2024-timeline-events.csv');
  const lines = csv.body.toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(/^id,title,kind,format,status,date_precision,date_start,date_end,/);
  expect(lines.filter((line) => line !== '')).toHaveLength(9);
  expect(csv.body.toString('utf8')).toContain('"Promised follow-up SCG meeting (""will meet again soon"")"');

  const svg = await download('Chart as SVG');
  expect(svg.name).toBe('rafah-scg-2024-timeline.svg');
  const svgText = svg.body.toString('utf8');
  expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain('Virtual SCG meeting on Iran and Rafah');
  expect(svgText).not.toContain('tabindex');
  expect(svgText.match(/xmlns="http:\/\/www.w3.org\/2000\/svg"/g)).toHaveLength(1);
  const parses = await page.evaluate(
    (text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null,
    svgText,
  );
  expect(parses).toBe(true);

  const png = await download('Chart as PNG');
  expect(png.name).toBe('rafah-scg-2024-timeline.png');
  expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.body.length).toBeGreaterThan(5_000);
  await expect(page.getByRole('status').filter({ hasText: 'Exported the chart' })).toBeVisible();
});

test('recharts loads only with the timeline, not with the first view', async ({ page }) => {
  const scripts = new Map<string, string>();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script')
      scripts.set(new URL(response.url()).pathname, await response.text());
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: /Articles/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const firstView = [...scripts.keys()];
  const withRecharts = (files: string[]) => files.filter((file) => scripts.get(file)?.includes('recharts-surface'));
  test.info().annotations.push({ type: 'first view scripts', description: firstView.join(', ') });
  expect(firstView.length).toBeGreaterThan(0);
  expect(withRecharts(firstView)).toEqual([]);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(marksOf(page)).toHaveCount(14);
  await page.waitForLoadState('networkidle');
  const timelineScripts = [...scripts.keys()].filter((file) => !firstView.includes(file));
  test.info().annotations.push({ type: 'timeline scripts', description: timelineScripts.join(', ') });
  expect(withRecharts(timelineScripts)).not.toEqual([]);
});
