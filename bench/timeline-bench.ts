/**
 * The timeline on the large story (300 events, 2,000 articles) in Chromium: main-thread time
 * of rendering the chart and of each interaction, as ratios to a baseline measured in the
 * same run (the same view re-rendered with nothing in its window). Through the real server
 * and SQLite store, in a production build.
 */
import { fileURLToPath } from 'node:url';
import { formatTable, median, ms, ratio } from './bench-format';
import type { BenchContext, BenchModule, BenchTable } from './bench-types';
import { withBrowserOnDatabase, type BrowserBenchContext } from './browser-harness';
import { DEFAULT_LARGE_STORY_SEED, LARGE_STORY_ID } from './large-story/generate-large-story';
import { DEFAULT_LARGE_STORY_DB, ensureLargeStoryDb } from './large-story/large-story-db';

const RUNS = 7;
/** Interactions should stay under this much main-thread work (PRODUCT.md). */
const INTERACTION_BUDGET_MS = 100;

const MARKS = '.tl-events [role="button"]';
const ROWS = 'table tbody tr';
const EMPTY_A = 'from=2000-01-01&to=2000-01-07';
const EMPTY_B = 'from=2000-02-01&to=2000-02-07';

type Result = { name: string; samples: number[]; interaction: boolean };

export const timelineBench: BenchModule = {
  name: 'timeline',
  async run(context) {
    return [await measureTimeline(context)];
  },
};

/** Runs this bench on its own and prints its table. */
export async function runTimelineBench(): Promise<void> {
  const table = await measureTimeline({
    root: fileURLToPath(new URL('..', import.meta.url)),
    largeStoryDb: async () => (await ensureLargeStoryDb(DEFAULT_LARGE_STORY_DB, DEFAULT_LARGE_STORY_SEED)).path,
  });
  console.log(formatTable(table));
}

async function measureTimeline(context: BenchContext): Promise<BenchTable> {
  const dbPath = await context.largeStoryDb();
  return withBrowserOnDatabase(dbPath, async (bench) => {
    const { page, baseUrl } = bench;
    const url = (query: string) => `/timeline?story=${LARGE_STORY_ID}${query ? `&${query}` : ''}`;
    const marks = page.locator(MARKS);

    await page.goto(`${baseUrl}${url(EMPTY_A)}`);
    await page.getByRole('table').waitFor({ timeout: 120_000 });
    await go(bench, url(''), () => page.locator(MARKS).first().waitFor());
    const events = await marks.count();
    const whole = () => go(bench, url(''), () => countIs(bench, MARKS, events));
    const empty = (query: string) => () => go(bench, url(query), () => countIs(bench, ROWS, 0));

    const results: Result[] = [];
    const record = async (
      name: string,
      interaction: boolean,
      prepare: () => Promise<void>,
      act: () => Promise<void>,
    ) => {
      const samples: number[] = [];
      // One unmeasured round first, so chunk parsing and cold caches are not counted.
      for (let i = 0; i <= RUNS; i += 1) {
        await prepare();
        const time = await bench.measure(act);
        if (i > 0) samples.push(time);
      }
      results.push({ name, samples, interaction });
    };

    await record('baseline: re-render with nothing in the window', false, empty(EMPTY_A), empty(EMPTY_B));
    await record(`render the whole story (${events} events, all articles)`, true, empty(EMPTY_A), whole);
    await record('filter out a kind (checkbox)', true, whole, async () => {
      await page.getByRole('checkbox', { name: /^Attacks/ }).click();
      await countBelow(bench, MARKS, events);
    });
    await record('zoom to two weeks (date field)', true, whole, async () => {
      await page.getByLabel('To', { exact: true }).fill('2024-03-14');
      await countBelow(bench, MARKS, events);
    });
    await record('open an event (click its mark)', true, whole, async () => {
      await marks.nth(Math.floor(events / 2)).click();
      await page.getByRole('complementary').waitFor();
    });
    await record(
      'move to the next mark (arrow key)',
      true,
      async () => {
        await whole();
        await marks.first().focus();
      },
      async () => {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (selector) => document.activeElement === document.querySelectorAll(selector)[1],
          MARKS,
        );
      },
    );
    await record(
      'hover a mark (tooltip)',
      true,
      async () => {
        await whole();
        await page.mouse.move(0, 0);
        await page.locator('.tl-tooltip').waitFor({ state: 'detached' });
      },
      async () => {
        await marks.nth(10).hover();
        await page.locator('.tl-tooltip').waitFor();
      },
    );

    const baseline = median(results[0]?.samples ?? [1]);
    const over = results.filter((r) => r.interaction && median(r.samples) > INTERACTION_BUDGET_MS);
    return {
      title: `Timeline on ${LARGE_STORY_ID}: Chromium main-thread time per action (median of ${RUNS})`,
      columns: ['action', 'runs', 'median', 'worst', '× baseline', `≤ ${INTERACTION_BUDGET_MS} ms`],
      rows: results.map(({ name, samples, interaction }) => {
        const time = median(samples);
        return [
          name,
          String(samples.length),
          ms(time),
          ms(Math.max(...samples)),
          ratio(time / baseline),
          interaction ? (time > INTERACTION_BUDGET_MS ? 'over' : 'ok') : '—',
        ];
      }),
      notes: [
        '× baseline: median ÷ the baseline median of this run (the comparable figure; ms are for orientation only).',
        'Main-thread time: CDP TaskDuration from the action until the page is idle, URL update and React render included.',
        over.length > 0
          ? `over ${INTERACTION_BUDGET_MS} ms on this machine: ${over.map((r) => r.name).join('; ')}.`
          : `every interaction within ${INTERACTION_BUDGET_MS} ms on this machine.`,
      ],
    };
  });
}

/** Moves the app to `path` as an in-app link would (history entry + popstate), then waits for `ready`. */
async function go({ page }: BrowserBenchContext, path: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate((href) => {
    window.history.pushState(null, '', href);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await ready();
}

async function countIs({ page }: BrowserBenchContext, selector: string, count: number): Promise<void> {
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length === n, [selector, count] as const);
}

async function countBelow({ page }: BrowserBenchContext, selector: string, count: number): Promise<void> {
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length < n, [selector, count] as const);
}
