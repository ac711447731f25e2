/**
 * The scale bench in Chromium: how long a fresh page takes to show the matrix's first rows and
 * the first Sources paint, for the bundled story and the large story at each scale (ratios to
 * the bundled story in the same run), with the API bytes on the wire before the first rows; and,
 * at each generated scale, the main-thread work of selecting a claim, filtering, sorting and the
 * timeline's first render.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { bundledCorpus } from '../server/corpus/corpus-test-kit';
import { openSqliteStore } from '../server/store/sql/sql-store';
import { count, median, ms, ratio } from './bench-format';
import type { BenchTable } from './bench-types';
import { withBrowserOnDatabase } from './browser-harness';
import type { MainThreadWork } from './main-thread-trace';

/**
 * Bounds, so that the whole scale bench (generation aside) ends within about ten minutes on two
 * busy cores: three counted runs of each measure, and no wait longer than a minute (a page load
 * or a first view of the large story × 4 takes a few seconds).
 */
const RUNS = 3;
const WAIT_MS = 60_000;
/** What counts as shown: the matrix's first claim row, and a Sources pane's highlighted text. */
const FIRST_SEEN = { matrix: '[role=grid] [role=row][aria-rowindex="3"]', sources: '.pane__body mark' } as const;
type Seen = keyof typeof FIRST_SEEN;

export type ScaleStory = { label: string; scale: number | null; storyId: string; databasePath: string };
type FirstView = { matrix: number; sources: number; apiBytes: number };
const INTERACTIONS = ['select', 'filter', 'sort', 'timeline'] as const;
type Interaction = (typeof INTERACTIONS)[number];
type Interactions = Record<Interaction, MainThreadWork>;
/** Interactions should stay under this much main-thread work (the README's budget). */
const INTERACTION_BUDGET_MS = 100;

/** A database holding the bundled story, in a temporary folder; removed by the returned function. */
export async function bundledStoryDatabase(): Promise<{ path: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  const path = join(dir, 'bundled.db');
  const store = await openSqliteStore(path);
  await store.seed(bundledCorpus());
  await store.close();
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Opens `path` in a fresh browser context (nothing cached) and returns the milliseconds from
 * navigation to the first time `seen` matched, recorded in the page by a MutationObserver, with
 * the encoded bytes of the API answers that had arrived by then.
 */
async function firstSeen(browser: Browser, url: string, seen: Seen) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    // As source text: the bench runs under tsx, whose helpers a function passed in would call.
    await page.addInitScript(`{
      const selector = ${JSON.stringify(FIRST_SEEN[seen])};
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          window.firstSeen ??= performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }`);
    const api: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        api.push(
          request
            .sizes()
            .then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)
            // An answer that finished as the context closed is not counted.
            .catch(() => 0),
        );
    });
    await page.goto(url, { timeout: WAIT_MS });
    const handle = await page.waitForFunction(() => (window as unknown as { firstSeen?: number }).firstSeen, null, {
      timeout: WAIT_MS,
      polling: 50,
    });
    const at = Number(await handle.jsonValue());
    return { ms: at, apiBytes: (await Promise.all(api)).reduce((sum, bytes) => sum + bytes, 0) };
  } finally {
    await context.close();
  }
}

async function firstViews(story: ScaleStory): Promise<FirstView> {
  return withBrowserOnDatabase(story.databasePath, async ({ page, baseUrl }) => {
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const query = `story=${encodeURIComponent(story.storyId)}`;
    // A first pass, not counted, so the server has read and kept the story once, as a running desk has.
    await firstSeen(browser, `${baseUrl}/matrix?${query}`, 'matrix');
    const samples: FirstView[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const matrix = await firstSeen(browser, `${baseUrl}/matrix?${query}`, 'matrix');
      const sources = await firstSeen(browser, `${baseUrl}/?${query}`, 'sources');
      samples.push({ matrix: matrix.ms, sources: sources.ms, apiBytes: matrix.apiBytes });
    }
    return {
      matrix: median(samples.map((s) => s.matrix)),
      sources: median(samples.map((s) => s.sources)),
      apiBytes: median(samples.map((s) => s.apiBytes)),
    };
  });
}

/** Moves inside the app as a link would: the story stays loaded, only the view changes. */
const goInApp = (page: Page, href: string) =>
  page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, href);

/** Two animation frames: what a scroll set off has been drawn. */
const frames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/** How far the matrix is scrolled sideways looking for a quoted cell before the bench gives up. */
const MAX_SCROLL_SCREENS = 200;

/**
 * A source cell that carries the claim, scrolled into view. Most cells of a large story are
 * silent, and the grid draws only the columns in view: at the left end of the large story × 2
 * no drawn cell carried a claim, so a click on "the first quoted cell" clicked nothing and the
 * bench waited for evidence that was never asked for.
 */
async function quotedCellInView(page: Page) {
  const quoted = page.locator('[role=gridcell][data-cell]');
  for (let screen = 0; screen < MAX_SCROLL_SCREENS; screen += 1) {
    if ((await quoted.count()) > 0) return quoted.first();
    await page.locator('.mx-scroll').evaluate((scroller) => {
      scroller.scrollLeft += scroller.clientWidth / 2;
    });
    await frames(page);
  }
  throw new Error(`no source cell that carries a claim within ${MAX_SCROLL_SCREENS} half screens of the matrix`);
}

/** The open claim's cell shows its evidence: every mention listed and none still loading. */
const evidenceShows = (page: Page) =>
  page.waitForFunction(
    () => {
      const evidence = document.querySelector('.mx-detail .mx-evidence');
      return (
        evidence !== null &&
        evidence.querySelector('.mx-evidence__item') !== null &&
        evidence.querySelector('[role=status]') === null
      );
    },
    null,
    { timeout: WAIT_MS },
  );

const summaryMatches = (page: Page, pattern: string) =>
  page.waitForFunction(
    (test) => new RegExp(test).test(document.querySelector('.mx-summary')?.textContent ?? ''),
    pattern,
    { timeout: WAIT_MS },
  );

/**
 * Main-thread work of each interaction on one story, from a quiet page to the page
 * quiet again (measureUntilIdle), each on a freshly loaded matrix once its idle-time
 * preparation (origin counts, both column modes) is done, as a reader who has read a while has.
 * Selecting includes the pointer's hover (the cell's preview) and the evidence request.
 */
async function interactions(story: ScaleStory): Promise<Interactions> {
  return withBrowserOnDatabase(story.databasePath, async ({ page, baseUrl, measureUntilIdle }) => {
    const query = `story=${encodeURIComponent(story.storyId)}`;
    const samples: Interactions[] = [];
    for (let run = 0; run < RUNS + 1; run += 1) {
      await page.goto(`${baseUrl}/matrix?${query}`, { timeout: WAIT_MS });
      await page.locator(FIRST_SEEN.matrix).waitFor({ timeout: WAIT_MS });
      const cell = await quotedCellInView(page);
      const select = await measureUntilIdle(async () => {
        await cell.click();
        await evidenceShows(page);
      });
      await goInApp(page, `/matrix?${query}`);
      await page.locator('.mx-detail').waitFor({ state: 'detached' });
      const filter = await measureUntilIdle(async () => {
        await page.getByRole('checkbox', { name: 'Contested only' }).click();
        await summaryMatches(page, '^Showing (\\d+) of (?!\\1 )\\d+ claims');
      });
      const sort = await measureUntilIdle(async () => {
        await page.getByRole('combobox', { name: 'Sort' }).selectOption('origins');
        await page.waitForURL(/sort=origins/);
      });
      const timeline = await measureUntilIdle(async () => {
        await goInApp(page, `/timeline?${query}`);
        // Tested in the page, not by a locator, whose query engine walks the whole document on every poll.
        await page.waitForFunction(() => document.querySelector('.tl-events [role="button"]') !== null, null, {
          timeout: WAIT_MS,
        });
      });
      // The first pass warms the view's chunks; it is not counted.
      if (run > 0) samples.push({ select, filter, sort, timeline });
    }
    const pick = (key: Interaction): MainThreadWork => ({
      cpu: median(samples.map((s) => s[key].cpu)),
      wall: median(samples.map((s) => s[key].wall)),
      longest: median(samples.map((s) => s[key].longest)),
    });
    return { select: pick('select'), filter: pick('filter'), sort: pick('sort'), timeline: pick('timeline') };
  });
}

/**
 * The browser tables of the scale bench: first views per story, and interactions on each
 * generated story (the large story's own targets are at × 1, the slope's at the largest).
 */
export async function measureScaleInBrowser(stories: readonly ScaleStory[]): Promise<BenchTable[]> {
  const views: FirstView[] = [];
  for (const story of stories) views.push(await firstViews(story));
  const [base] = views;
  const generated = stories.filter((story) => story.scale !== null);
  if (!base || generated.length === 0) return [];
  const measured: Interactions[] = [];
  for (const story of generated) {
    // A failed interaction leaves the other figures standing, and says what failed.
    measured.push(
      await interactions(story).catch((error: unknown) => {
        console.error(`[scale] interactions on ${story.label} failed:`, error instanceof Error ? error.message : error);
        const failed = { cpu: NaN, wall: NaN, longest: NaN };
        return { select: failed, filter: failed, sort: failed, timeline: failed };
      }),
    );
  }
  const labels: Record<Interaction, string> = {
    select: 'select a claim (open a matrix cell, until its evidence shows)',
    filter: 'filter (contested only)',
    sort: 'sort (most independent origins)',
    timeline: 'timeline first render (from the matrix, story loaded)',
  };
  const verdict = (work: MainThreadWork) =>
    Number.isNaN(work.cpu) ? 'failed' : work.cpu < INTERACTION_BUDGET_MS ? 'under' : 'over';
  return [
    {
      title: `First view in Chromium as the story grows (fresh page, nothing cached; median of ${RUNS})`,
      columns: ['story', 'matrix first rows', '× bundled', 'API bytes before them', 'Sources first paint', '× bundled'],
      rows: stories.map((story, i) => {
        const view = views[i] as FirstView;
        return [
          story.label,
          ms(view.matrix),
          ratio(view.matrix / base.matrix),
          count(view.apiBytes),
          ms(view.sources),
          ratio(view.sources / base.sources),
        ];
      }),
      notes: [
        'from navigation start to the first claim row of /matrix, and to the first highlighted evidence in a pane of /;',
        'API bytes: encoded bodies and headers of /api/ answers finished by then. Targets: matrix ≤ 2× bundled, ≤ 1.5 MB.',
      ],
    },
    {
      title: `Main-thread work of interactions (Chromium trace until idle, median of ${RUNS}): CPU, by the clock, longest task`,
      columns: ['interaction', ...generated.map((story) => story.label)],
      rows: INTERACTIONS.map((key) => [
        labels[key],
        ...measured.map((done) => {
          const work = done[key];
          return `${ms(work.cpu)} ${verdict(work)} · ${ms(work.wall)} · ${ms(work.longest)}`;
        }),
      ]),
      notes: [
        "every top-level task of the page's main thread (script, style, layout, paint, GC) from a quiet page to",
        'the page quiet again (under 3 ms in 250 ms), on a matrix loaded afresh each run once its idle-time',
        "preparation is done. CPU: the thread's own time, judged against the target (under / over",
        `${INTERACTION_BUDGET_MS} ms); by the clock: stretched when the machine is busy.`,
      ],
    },
  ];
}
