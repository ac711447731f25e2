/**
 * The contradiction matrix on the large story (5,000 claims × 2,000 articles) in Chromium:
 * main-thread time of its first render, a scroll of one screen, a filter change and a few more
 * interactions. Every figure is also given as a ratio to rendering the empty grid shell (the
 * same view, data and chunk, with a search that matches no claim), measured in the same run.
 */
import type { Page } from '@playwright/test';
import { formatTable, median, ms, ratio } from './bench-format';
import type { BenchModule, BenchTable } from './bench-types';
import { withBrowserOnDatabase } from './browser-harness';
import { LARGE_STORY_ID } from './large-story/generate-large-story';

const RUNS = 3;
const NO_MATCH = 'zzzz-no-claim-says-this';
/** Long enough for the matrix to finish the origin counts it prepares while idle. */
const IDLE_MS = 3000;

type Sample = { shell: number; render: number; scroll: number; filter: number; sort: number; outlets: number };

/** Moves inside the app as a link would: the story stays loaded, only the view changes. */
async function goInApp(page: Page, href: string) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new Event('parallax:navigate'));
  }, href);
}

/** Opens a cheap view of the large story and waits until the story is loaded. */
async function openStory(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/claims/no-such-claim?story=${LARGE_STORY_ID}`);
  await page.getByRole('heading', { name: 'No such claim' }).waitFor({ timeout: 180_000 });
}

/**
 * Waits with plain DOM queries: Playwright's role locators compute accessibility over the page,
 * main-thread work of the harness that would be counted as the matrix's.
 */
const waitForSummary = (page: Page, test: string) =>
  page.waitForFunction(
    (pattern) => new RegExp(pattern).test(document.querySelector('.mx-summary')?.textContent ?? ''),
    test,
  );

/** A click from inside the page, without the harness's actionability checks in the measured time. */
const clickIn = (page: Page, selector: string) =>
  page.evaluate((css) => {
    const element = document.querySelector<HTMLElement>(css);
    if (!element) throw new Error(`nothing matches ${css}`);
    element.click();
  }, selector);

async function sampleOnce(page: Page, baseUrl: string, measure: (action: () => Promise<void>) => Promise<number>) {
  await openStory(page, baseUrl);
  const shell = await measure(async () => {
    await goInApp(page, `/matrix?story=${LARGE_STORY_ID}&q=${NO_MATCH}`);
    await page.locator('.mx-empty').waitFor({ timeout: 60_000 });
  });

  await openStory(page, baseUrl);
  const render = await measure(async () => {
    await goInApp(page, `/matrix?story=${LARGE_STORY_ID}`);
    await page.locator('[role=grid] [role=row][aria-rowindex="3"]').waitFor({ timeout: 60_000 });
  });
  await page.waitForTimeout(IDLE_MS);

  const scroller = page.locator('.mx-scroll');
  const lastRow = () =>
    scroller.evaluate((element) =>
      Math.max(...[...element.querySelectorAll('[role=row]')].map((row) => Number(row.getAttribute('aria-rowindex')))),
    );
  const before = await lastRow();
  const scroll = await measure(async () => {
    await scroller.evaluate((element) => {
      element.scrollTop += element.clientHeight;
    });
    await page.waitForFunction(
      (seen) =>
        [...document.querySelectorAll('[role=grid] [role=row]')].some(
          (row) => Number(row.getAttribute('aria-rowindex')) > seen + 5,
        ),
      before,
    );
  });

  const filter = await measure(async () => {
    await clickIn(page, '.mx-toolbar__check input[type=checkbox]');
    await waitForSummary(page, '^Showing (?!5000 )\\d+ of 5000 claims');
  });
  const sort = await measure(async () => {
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('.mx-toolbar select');
      if (!select) throw new Error('no sort control');
      select.value = 'origins';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForURL(/sort=origins/);
  });
  const outlets = await measure(async () => {
    await clickIn(page, 'input[name=matrix-columns][value=outlet]');
    await waitForSummary(page, 'outlets\\.$');
  });
  return { shell, render, scroll, filter, sort, outlets } satisfies Sample;
}

export async function measureMatrix(databasePath: string): Promise<BenchTable> {
  const samples = await withBrowserOnDatabase(databasePath, async ({ page, baseUrl, measure }) => {
    const taken: Sample[] = [];
    // The first pass warms the build's chunks in the browser cache; it is not counted.
    await sampleOnce(page, baseUrl, measure);
    for (let run = 0; run < RUNS; run += 1) taken.push(await sampleOnce(page, baseUrl, measure));
    return taken;
  });
  const pick = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
  const shell = pick('shell');
  const row = (label: string, key: keyof Sample) => [
    label,
    String(samples.length),
    ms(pick(key)),
    ratio(pick(key) / shell),
  ];
  return {
    title: `Matrix on the large story in Chromium (median main-thread time of ${samples.length} runs)`,
    columns: ['interaction', 'runs', 'main thread', '× empty grid'],
    rows: [
      row('empty grid shell (baseline: a search matching no claim)', 'shell'),
      row('first render (5,000 claims × 2,000 articles)', 'render'),
      row('scroll one screen down', 'scroll'),
      row('filter change (contested only)', 'filter'),
      row('sort change (most independent origins)', 'sort'),
      row('columns per outlet (150 columns)', 'outlets'),
    ],
    notes: [
      '× empty grid: median ÷ the median of the empty shell in this run; both include loading the view’s chunk',
      'and building the matrix of the story, so the ratio shows what rows and cells add. Times: CDP TaskDuration.',
      'Interactions run on the rendered grid, one after another, with the page idle in between.',
    ],
  };
}

export const matrixBench: BenchModule = {
  name: 'matrix',
  async run(context) {
    return [await measureMatrix(await context.largeStoryDb())];
  },
};

/** Standalone: `npx tsx -e "import('./bench/matrix-bench.ts').then(m => m.runMatrixBench())"`. */
export async function runMatrixBench(): Promise<void> {
  const { DEFAULT_LARGE_STORY_DB, ensureLargeStoryDb } = await import('./large-story/large-story-db');
  const { path } = await ensureLargeStoryDb(DEFAULT_LARGE_STORY_DB);
  console.log(formatTable(await measureMatrix(path)));
}
