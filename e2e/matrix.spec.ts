import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { StoryBundle, StoryOverview } from '@/domain/schemas';
import { readCsv } from '@/test/read-csv';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

const DEAL = /US agreed to accept an Israeli military operation in Rafah/;
const DEAL_ID = 'us-accepts-rafah-for-no-iran-strike';
const IBTIMES_ARTICLE = '001_2550a2c150cccb37';
const STANCE_ORDER = ['asserts', 'reports', 'denies', 'contradicts'];

const grid = (page: Page) => page.getByRole('grid', { name: 'Claims and their coverage' });
const dealRow = (page: Page) => grid(page).getByRole('row', { name: DEAL });

/** Every row of the grid as its cells' names (or text), in order: what a reader sees. */
async function gridSnapshot(page: Page): Promise<string[][]> {
  return grid(page)
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('[role=columnheader],[role=rowheader],[role=gridcell]')].map(
          (cell) => cell.getAttribute('aria-label') ?? (cell.textContent ?? '').trim(),
        ),
      ),
    );
}

/** A cell's stances as the CSV writes them, read from the cell's accessible name. */
function stancesOf(label: string): string {
  if (label === 'silent') return '';
  const said = new Set(label.split('; ').map((part) => part.split(/[ ,]/)[0]));
  return STANCE_ORDER.filter((stance) => said.has(stance)).join('; ');
}

async function tabInto(page: Page, target: Locator) {
  for (let i = 0; i < 60; i += 1) {
    if (await target.evaluate((element) => element.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

test('the reported deal is contested, with one independent origin for it although two outlets relay it', async ({
  page,
}) => {
  await page.goto('/matrix');
  const row = dealRow(page);
  await expect(row).toContainText('contested');
  await expect(row.getByRole('gridcell', { name: '1 independent origin for, 2 against' })).toBeVisible();
  // IBTimes both reports the deal and the U.S. denial: one cell, both mentions.
  await expect(
    row.getByRole('gridcell', {
      name: 'denies via two U.S. officials → Axios; reports via a senior official (told The New Arab) → Al-Araby Al-Jadeed',
    }),
  ).toBeVisible();
  await expect(
    row.getByRole('gridcell', { name: /^reports via Egyptian sources → Al-Araby Al-Jadeed$/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a cell opens the claim with its evidence, contradictions and origin tree, and its link reopens it', async ({
  page,
  browser,
}) => {
  await page.goto('/matrix');
  const cell = dealRow(page).getByRole('gridcell', { name: /^denies via two U\.S\. officials/ });
  await expect(cell).toHaveAttribute('aria-expanded', 'false');
  await cell.click();
  // The open cell is in the URL, so a copied link reopens its evidence.
  await expect(page).toHaveURL(new RegExp(`/matrix\\?claim=${DEAL_ID}&cell=${IBTIMES_ARTICLE}$`));
  await expect(cell).toHaveAttribute('aria-selected', 'true');
  await expect(cell).toHaveAttribute('aria-expanded', 'true');
  const details = page.getByRole('region', { name: DEAL });
  const evidence = details.getByRole('region', { name: 'Evidence in International Business Times' });
  await expect(evidence.getByRole('blockquote')).toHaveCount(3);
  // The clicked evidence comes before the verdict box.
  const evidenceTop = (await evidence.boundingBox())?.y ?? Infinity;
  const verdictTop = (await details.getByRole('region', { name: 'Verdict' }).boundingBox())?.y ?? -Infinity;
  expect(evidenceTop).toBeLessThan(verdictTop);
  await expect(evidence).toContainText('the U.S. officials flatly denied reports');
  await expect(details.getByRole('heading', { name: 'For the claim: 1 independent origin' })).toBeVisible();
  await expect(details.getByRole('heading', { name: 'Against the claim: 2 independent origins' })).toBeVisible();
  await expect(details.getByText('(also The New Arab, New Arab, Al-Araby, العربي الجديد)')).toBeVisible();
  await expect(details.getByRole('heading', { name: 'Contradictions (4)' })).toBeVisible();
  await expect(details.getByRole('listitem').filter({ hasText: 'both in the same article' })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  const copied = page.url();
  await details.getByRole('button', { name: 'Close claim details' }).click();
  await expect(details).toBeHidden();
  await expect(page).toHaveURL(/\/matrix$/);
  await expect(cell).not.toHaveAttribute('aria-selected', 'true');

  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(copied);
    await expect(
      fresh
        .getByRole('region', { name: DEAL })
        .getByRole('region', { name: 'Evidence in International Business Times' }),
    ).toBeVisible();
    await expect(dealRow(fresh).getByRole('gridcell', { name: /^denies via two U\.S\. officials/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  } finally {
    await other.close();
  }
});

test('a filtered matrix reloads from its URL in a new context as the same grid', async ({ page, browser }) => {
  await page.goto('/matrix');
  await expect(dealRow(page)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Contested only' }).check();
  await page.getByText('Topics', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Reported deal' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'Reported deal' })).toBeHidden();
  await expect(page).toHaveURL(/\/matrix\?topic=Reported%20deal&contested=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(
    'Showing 1 of 55 claims against 5 articles.',
  );
  await page.getByRole('radio', { name: 'per outlet' }).check();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('origins');
  await expect(grid(page).getByRole('columnheader', { name: /International Business Times/ })).toContainText(
    '1 article',
  );
  await expectNoSeriousA11yViolations(page);
  const url = page.url();
  const seen = await gridSnapshot(page);
  expect(seen.length).toBe(3); // the header, the topic and the deal

  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(url);
    await expect(dealRow(fresh)).toBeVisible();
    expect(await gridSnapshot(fresh)).toEqual(seen);
    await expect(fresh.getByRole('checkbox', { name: 'Contested only' })).toBeChecked();
    await expect(fresh.getByRole('radio', { name: 'per outlet' })).toBeChecked();
    await expect(fresh.getByRole('combobox', { name: 'Sort' })).toHaveValue('origins');
  } finally {
    await other.close();
  }
});

test('the keyboard moves through the grid, opens a cell and follows it into the Sources view', async ({ page }) => {
  await page.goto('/matrix');
  await expect(dealRow(page)).toBeVisible();
  await tabInto(page, grid(page));
  await expect(grid(page).getByRole('columnheader', { name: 'Claim' })).toBeFocused();

  // Down to the deal: past the topics and claims above it.
  const rows = await gridSnapshot(page);
  const dealIndex = rows.findIndex((cells) => DEAL.test(cells[0] ?? ''));
  for (let i = 0; i < dealIndex; i += 1) await page.keyboard.press('ArrowDown');
  await expect(dealRow(page).getByRole('link', { name: DEAL })).toBeFocused();
  await page.keyboard.press('End');
  await expect(dealRow(page).getByRole('gridcell').last()).toBeFocused();
  await expect(dealRow(page).getByRole('gridcell').last()).toHaveAccessibleName('silent');
  await page.keyboard.press('Home');
  await expect(dealRow(page).getByRole('link', { name: DEAL })).toBeFocused();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  const ibtimes = dealRow(page).getByRole('gridcell', { name: /^denies via two U\.S\. officials/ });
  await expect(ibtimes).toBeFocused();
  // The focused cell is described by its quotes.
  await expect(ibtimes).toHaveAccessibleDescription(/flatly denied reports/);

  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: DEAL });
  await expect(details.getByRole('heading', { name: DEAL })).toBeFocused();
  await expect(details.getByRole('heading', { name: 'Evidence in International Business Times' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(ibtimes).toBeFocused();

  await page.keyboard.press('Enter');
  const open = details.getByRole('link', { name: 'Open in Sources: International Business Times' });
  await tabInto(page, open);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/\\?panes=${IBTIMES_ARTICLE}&claim=${DEAL_ID}$`));
  await expect(page.getByRole('article').first()).toContainText(
    'U.S. and Israel to hold high-level talks on possible Rafah operation',
  );
});

test('Ctrl+Home, Ctrl+End and the page keys reach the corners and move by a screen', async ({ page }) => {
  await page.goto('/matrix');
  await expect(dealRow(page)).toBeVisible();
  await tabInto(page, grid(page));
  await page.keyboard.press('Control+End');
  const lastRow = grid(page).getByRole('row').last();
  await expect(lastRow.getByRole('gridcell').last()).toBeFocused();
  await expect(lastRow).toHaveAccessibleName(/The US criticises Netanyahu/);
  await page.keyboard.press('PageUp');
  const focusedRow = await page.evaluate(() =>
    Number(document.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex')),
  );
  const rowCount = Number(await grid(page).getAttribute('aria-rowcount'));
  expect(focusedRow).toBeLessThan(rowCount - 3);
  await page.keyboard.press('PageDown');
  await expect(lastRow.getByRole('gridcell').last()).toBeFocused();
  await page.keyboard.press('Control+Home');
  await expect(grid(page).getByRole('columnheader', { name: 'Claim' })).toBeFocused();
});

test('the CSV export of the filtered matrix parses back to the cells on screen', async ({ page }) => {
  await page.goto('/matrix?topic=Reported+deal&topic=Egypt');
  await expect(dealRow(page)).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('rafah-scg-2024-matrix-filtered-by-topic.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    'Exported 10 claims × 5 sources as rafah-scg-2024-matrix-filtered-by-topic.csv.',
  );
  const [header, ...records] = readCsv(await readFile(await download.path(), 'utf8'));
  expect(header?.slice(0, 3)).toEqual(['claim id', 'topic', 'claim']);

  const rows = (await gridSnapshot(page)).filter((cells) => cells.length > 1).slice(1);
  expect(records).toHaveLength(rows.length);
  records.forEach((record, i) => {
    const [claimCell = '', originsCell = '', , ...sourceCells] = rows[i] ?? [];
    expect(claimCell).toContain(record[2]);
    expect(originsCell).toBe(
      `${record[5]} independent origin${record[5] === '1' ? '' : 's'} for, ${record[6]} against`,
    );
    // After the counts and the named origins for and against (7, 8) and the mention counts.
    expect(record.slice(12, 12 + sourceCells.length)).toEqual(sourceCells.map(stancesOf));
    // Then the verdict note, the evidence quotes, the article addresses and the filters.
    expect(record.at(-1)).toBe('topic: Egypt, Reported deal');
  });
  const deal = records.find((record) => record[0] === DEAL_ID);
  expect(deal?.slice(4, 7)).toEqual(['yes', '1', '2']);
  expect(deal?.slice(7, 9)).toEqual(['Al-Araby Al-Jadeed', 'Axios; Deputy Spokesperson for the State Department']);
  expect(deal?.[13]).toBe('reports; denies');

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(await readFile(await (await jsonDownload).path(), 'utf8'));
  expect(json.claims).toHaveLength(records.length);
  expect(json.filters).toEqual({ topic: ['Egypt', 'Reported deal'] });
  expect(json.claims.find((claim: { id: string }) => claim.id === DEAL_ID).origins.support).toEqual([
    'Al-Araby Al-Jadeed',
  ]);
});

test('a claim in the URL that the story lacks opens a panel that says so', async ({ page }) => {
  await page.goto('/matrix?claim=no-such-claim');
  const details = page.getByRole('region', { name: 'No such claim' });
  await expect(details).toContainText('This story has no claim “no-such-claim”.');
  await expectNoSeriousA11yViolations(page);
  await details.getByRole('button', { name: 'Close claim details' }).click();
  await expect(page).toHaveURL(/\/matrix$/);
});

/** A story too large to render whole: 300 claims in 10 topics against 80 articles of 20 outlets. */
function largeBundle(): StoryBundle {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const outlets = Array.from({ length: 20 }, (_, i) => ({
    id: `outlet-${i}`,
    name: `Outlet ${i}`,
    aliases: [],
    kind: 'newspaper' as const,
    url: null,
  }));
  const actors = [{ id: 'officials', name: 'officials', kind: 'unnamed-source' as const, description: '' }];
  const articles = Array.from({ length: 80 }, (_, i) => ({
    id: `art-${String(i).padStart(2, '0')}`,
    story: 'big',
    outlet: `outlet-${i % 20}`,
    title: `Article ${i}`,
    published: { date: `2024-04-${String(1 + (i % 28)).padStart(2, '0')}`, basis: 'generated' },
    source: { file: null, url: null },
  }));
  const claims = Array.from({ length: 300 }, (_, i) => ({
    id: `claim-${String(i).padStart(3, '0')}`,
    story: 'big',
    text: `Generated claim number ${i}.`,
    topic: `Topic ${Math.floor(i / 30)}`,
    verdict: { status: 'unreviewed' as const, note: '', editor: null, at: null, version: 1 },
  }));
  const stances = ['asserts', 'reports', 'denies', 'contradicts'] as const;
  const mentions = claims.flatMap((claim) =>
    articles
      .filter(() => random() < 0.12)
      .map((article) => ({
        id: `m-${claim.id}-${article.id}`,
        claim: claim.id,
        article: article.id,
        stance: stances[Math.floor(random() * 4)] ?? 'asserts',
        attribution: [
          ...(random() < 0.5 ? [{ kind: 'actor' as const, id: 'officials' }] : []),
          { kind: 'outlet' as const, id: article.outlet },
        ],
        spans: [{ article: article.id, start: 0, end: 5, exact: 'Quote', prefix: '', suffix: ' more' }],
      })),
  );
  return {
    story: { id: 'big', title: 'A large generated story', summary: '' },
    outlets,
    actors,
    articles,
    claims,
    mentions,
    events: [],
    passages: [],
  };
}

/** The overview the matrix reads first, and the evidence it reads per claim, of a generated bundle. */
async function routeStory(page: Page, bundle: StoryBundle) {
  const { mentions, passages: _passages, ...parts } = bundle;
  const overview: StoryOverview = {
    ...parts,
    version: { epoch: 'generated', version: 1 },
    cells: mentions.map(({ spans: _spans, basis: _basis, ...cell }) => cell),
    topics: [...new Set(bundle.claims.map((claim) => claim.topic))],
    counts: {
      articles: bundle.articles.length,
      claims: bundle.claims.length,
      mentions: mentions.length,
      events: 0,
      passages: 0,
    },
  };
  const id = bundle.story.id;
  await page.route(`**/api/stories/${id}`, (route) => route.fulfill({ json: bundle }));
  await page.route(`**/api/stories/${id}/overview`, (route) => route.fulfill({ json: overview }));
  await page.route(`**/api/stories/${id}/evidence?*`, (route) => {
    const claim = new URL(route.request().url()).searchParams.get('claim');
    return route.fulfill({ json: { mentions: mentions.filter((mention) => mention.claim === claim), passages: [] } });
  });
}

/** The focused element is fully inside the grid's viewport, clear of the fixed header and claim columns. */
async function focusedCellIsInView(page: Page) {
  return page.evaluate(() => {
    const cell = document.activeElement?.closest('[role=gridcell],[role=rowheader],[role=columnheader]');
    const scroller = document.querySelector('.mx-scroll');
    const header = document.querySelector('.mx-head');
    if (!cell || !scroller || !header) return 'no focused cell';
    const box = cell.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const top = cell.closest('.mx-head') ? view.top : view.top + header.getBoundingClientRect().height;
    const fixed = [...document.querySelectorAll('.mx-row--head .mx-cell--fixed')].reduce(
      (sum, element) => sum + element.getBoundingClientRect().width,
      0,
    );
    const left = cell.classList.contains('mx-cell--source') ? view.left + fixed : view.left;
    const inside =
      box.top >= top - 1 &&
      box.bottom <= view.top + scroller.clientHeight + 1 &&
      box.left >= left - 1 &&
      box.right <= view.left + scroller.clientWidth + 1;
    return inside ? 'in view' : `out of view: ${JSON.stringify({ box, view, top, left })}`;
  });
}

const focusedPosition = (page: Page) =>
  page.evaluate(() => {
    const cell = document.activeElement?.closest('[aria-colindex]');
    return {
      row: Number(cell?.closest('[role=row]')?.getAttribute('aria-rowindex')),
      col: Number(cell?.getAttribute('aria-colindex')),
    };
  });

test('a large matrix renders only what is in view and keeps the keyboard focus in view', async ({ page }) => {
  await routeStory(page, largeBundle());
  await page.goto('/matrix?story=big');
  const big = grid(page);
  await expect(big).toHaveAttribute('aria-rowcount', String(1 + 300 + 10));
  await expect(big).toHaveAttribute('aria-colcount', String(3 + 80));
  const rendered = await big.evaluate((element) => ({
    rows: element.querySelectorAll('[role=row]').length,
    cells: element.querySelectorAll('[role=row][aria-rowindex="3"] .mx-cell--source').length,
  }));
  expect(rendered.rows).toBeLessThan(60);
  expect(rendered.cells).toBeLessThan(30);
  await expectNoSeriousA11yViolations(page);

  await tabInto(page, big);
  await page.keyboard.press('Control+End');
  expect(await focusedPosition(page)).toEqual({ row: 311, col: 83 });
  expect(await focusedCellIsInView(page)).toBe('in view');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^(silent|asserts|reports|denies|contradicts)/);

  await page.keyboard.press('Control+Home');
  expect(await focusedPosition(page)).toEqual({ row: 1, col: 1 });
  expect(await page.locator('.mx-scroll').evaluate((element) => [element.scrollTop, element.scrollLeft])).toEqual([
    0, 0,
  ]);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('PageDown');
  const paged = await focusedPosition(page);
  expect(paged.row).toBeGreaterThan(10);
  expect(await focusedCellIsInView(page)).toBe('in view');
  const rowName = () => page.evaluate(() => document.activeElement?.closest('[role=row]')?.getAttribute('aria-label'));
  // Onto a claim's row (paging may stop on a topic's).
  while (!(await rowName())?.startsWith('Generated claim')) await page.keyboard.press('ArrowDown');
  const claimText = (await rowName())?.replace(' (contested)', '') ?? '';
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('ArrowRight');
  const moved = await focusedPosition(page);
  expect(moved.col).toBe(41);
  expect(await focusedCellIsInView(page)).toBe('in view');

  // Scrolled far away, the focused cell stays in the page: leaving the grid and coming back finds it.
  await page.locator('.mx-scroll').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
    element.scrollLeft = 0;
  });
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await focusedPosition(page)).toEqual(moved);

  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: claimText });
  await expect(details.getByRole('heading', { name: claimText })).toBeFocused();
  await expect(details.getByRole('heading', { name: /^Evidence in Outlet \d+$/ })).toBeVisible();
});
