/**
 * Sources view on the large story:
 * - shared-passage finding over the whole story's text, as a ratio to reading that text from
 *   the database in the same run (and the half story, to show the near-linear growth);
 * - the main-thread time of selecting a claim with about 50 mentions while five of its
 *   articles are open side by side, in Chromium, against selecting a claim none of the five
 *   panes mentions (the same URL change and list update, without any evidence to mark).
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findSharedPassages, type PassageSource } from '@/domain/shared-passages';
import { openSqliteStore } from '../server/store/sql/sql-store';
import type Database from 'better-sqlite3';
import { count, formatTable, median, ms, ratio } from './bench-format';
import type { BenchContext, BenchModule, BenchTable } from './bench-types';
import { withBrowserOnDatabase } from './browser-harness';
import { DEFAULT_LARGE_STORY_SEED, LARGE_STORY_ID } from './large-story/generate-large-story';
import { DEFAULT_LARGE_STORY_DB, describeWrite, ensureLargeStoryDb } from './large-story/large-story-db';

const FIND = { warmup: 1, runs: 5 };
const READ = { warmup: 3, runs: 15 };
const SELECT = { warmup: 2, runs: 11 };
const PANES = 5;
const TARGET_MENTIONS = 50;
const BUDGET_MS = 100;

type ClaimPick = { claim: string; mentions: number; articles: string[]; silentClaim: string };

export const sourcesBench: BenchModule = {
  name: 'sources',
  async run(context) {
    const dbPath = await context.largeStoryDb();
    const { table: passages, pick } = await passageTable(dbPath);
    const selection = await selectionTable(dbPath, pick);
    return [passages, selection];
  },
};

/** Runs the bench on its own and prints its tables: `npx tsx -e "import('./bench/sources-bench.ts').then((m) => m.runSourcesBench())"`. */
export async function runSourcesBench(): Promise<void> {
  const context: BenchContext = {
    root: fileURLToPath(new URL('..', import.meta.url)),
    async largeStoryDb() {
      const { path, written } = await ensureLargeStoryDb(DEFAULT_LARGE_STORY_DB, DEFAULT_LARGE_STORY_SEED);
      if (written) console.log(describeWrite(written));
      return path;
    },
  };
  let failed = false;
  for (const table of await sourcesBench.run(context)) {
    console.log(`\n${formatTable(table)}`);
    failed ||= table.failed === true;
  }
  if (failed) process.exitCode = 1;
}

async function passageTable(dbPath: string): Promise<{ table: BenchTable; pick: ClaimPick }> {
  const store = await openSqliteStore(dbPath);
  try {
    const db = store.sql.sqlite!;
    const readText = db.prepare('SELECT id, body FROM articles WHERE story = ? ORDER BY rowid');
    const read = () => readText.all(LARGE_STORY_ID) as PassageSource[];
    const articles = read();
    if (articles.length === 0) throw new Error(`no articles for ${LARGE_STORY_ID} in ${dbPath}`);
    const half = articles.slice(0, Math.ceil(articles.length / 2));

    const readTimes = time(READ, read);
    // Whole and half story alternate, so that heap growth and machine load weigh on both alike.
    const [fullTimes, halfTimes] = alternate(
      FIND,
      () => findSharedPassages(LARGE_STORY_ID, articles),
      () => findSharedPassages(LARGE_STORY_ID, half),
    );
    const found = findSharedPassages(LARGE_STORY_ID, articles);
    const spans = found.reduce((n, p) => n + p.spans.length, 0);
    const characters = articles.reduce((n, a) => n + a.body.length, 0);

    const baseline = median(readTimes);
    const full = median(fullTimes);
    const halfStory = median(halfTimes);
    const table: BenchTable = {
      title: `Shared passages of the large story (${count(articles.length)} articles, ${count(characters)} characters)`,
      columns: ['step', 'runs', 'median', '× read'],
      rows: [
        ['read the story text from SQLite (baseline)', String(READ.runs), ms(baseline), ratio(1)],
        ['find shared passages, whole story', String(FIND.runs), ms(full), ratio(full / baseline)],
        [
          `find shared passages, first ${count(half.length)} articles`,
          String(FIND.runs),
          ms(halfStory),
          ratio(halfStory / baseline),
        ],
      ],
      notes: [
        `× read: median ÷ the median time to read the same story's text from the database in this run.`,
        `Whole ÷ half story: ${(full / halfStory).toFixed(2)} (2.0 is linear in the text, all-pairs comparison about 4; ` +
          `the shared text itself grows a little faster than the story: ${count(spans)} spans here).`,
        `Found ${count(found.length)} passages (the generator repeats stock phrases, so many are short).`,
        machineLoad(),
      ],
    };
    return { table, pick: pickClaim(db) };
  } finally {
    await store.close();
  }
}

/** A claim with about 50 mentions in at least five articles, and a claim none of those five mention. */
function pickClaim(db: Database.Database): ClaimPick {
  const row = db
    .prepare(
      `SELECT claim, count(*) AS mentions FROM mentions WHERE story = ?
       GROUP BY claim HAVING count(DISTINCT article) >= ? ORDER BY abs(count(*) - ?), claim LIMIT 1`,
    )
    .get(LARGE_STORY_ID, PANES, TARGET_MENTIONS) as { claim: string; mentions: number } | undefined;
  if (!row) throw new Error(`the large story has no claim in ${PANES} articles`);
  const articles = (
    db
      .prepare('SELECT DISTINCT article FROM mentions WHERE claim = ? ORDER BY article LIMIT ?')
      .all(row.claim, PANES) as { article: string }[]
  ).map((r) => r.article);
  const silent = db
    .prepare(
      `SELECT id FROM claims WHERE story = ? AND id NOT IN
         (SELECT claim FROM mentions WHERE article IN (${articles.map(() => '?').join(',')}))
       ORDER BY id LIMIT 1`,
    )
    .get(LARGE_STORY_ID, ...articles) as { id: string } | undefined;
  if (!silent) throw new Error('every claim is mentioned in the open articles');
  return { claim: row.claim, mentions: row.mentions, articles, silentClaim: silent.id };
}

async function selectionTable(dbPath: string, pick: ClaimPick): Promise<BenchTable> {
  return withBrowserOnDatabase(dbPath, async ({ page, baseUrl, measure }) => {
    const base = `/?story=${LARGE_STORY_ID}&panes=${pick.articles.join(',')}`;
    await page.goto(`${baseUrl}${base}`, { timeout: 120_000 });
    await page.waitForFunction(
      (panes) =>
        document.querySelectorAll('.pane').length === panes &&
        [...document.querySelectorAll('.pane__body')].every((body) => body.querySelector('mark')),
      PANES,
      { timeout: 120_000 },
    );

    // The app's own navigation: a history entry and the event its router listens to.
    const go = (claim: string | null) =>
      page.evaluate(
        (href) => {
          window.history.pushState(null, '', href);
          window.dispatchEvent(new PopStateEvent('popstate'));
        },
        claim === null ? base : `${base}&claim=${claim}`,
      );
    const banners = (kind: 'carries' | 'silent', n: number) =>
      page.waitForFunction(
        ([cls, expected]) => document.querySelectorAll(`.pane__banner--${cls}`).length === expected,
        [kind, n] as const,
      );
    const clear = async () => {
      await go(null);
      await page.waitForFunction(() => document.querySelectorAll('.pane__banner').length === 0);
    };

    const selected: number[] = [];
    const baseline: number[] = [];
    let marked = 0;
    for (let i = 0; i < SELECT.warmup + SELECT.runs; i += 1) {
      await clear();
      const target = await measure(async () => {
        await go(pick.claim);
        await banners('carries', PANES);
      });
      marked = await page.locator('.pane mark.hl--selected').count();
      await clear();
      const silent = await measure(async () => {
        await go(pick.silentClaim);
        await banners('silent', PANES);
      });
      if (i >= SELECT.warmup) {
        selected.push(target);
        baseline.push(silent);
      }
    }

    const figure = median(selected);
    const reference = median(baseline);
    const within = figure < BUDGET_MS;
    return {
      title: `Selecting a claim on the large story, ${PANES} panes (Chromium main-thread time, median)`,
      columns: ['action', 'runs', 'main thread', '× baseline'],
      rows: [
        [
          `select ${pick.silentClaim}, silent in all ${PANES} panes (baseline)`,
          String(SELECT.runs),
          ms(reference),
          ratio(1),
        ],
        [
          `select ${pick.claim} (${pick.mentions} mentions, ${marked} marked segments in the panes)`,
          String(SELECT.runs),
          ms(figure),
          ratio(figure / reference),
        ],
      ],
      notes: [
        `${within ? 'OK' : 'OVER BUDGET'}: ${ms(figure)} of main-thread work for the selection (budget ${BUDGET_MS} ms).`,
        `× baseline: the same URL change, list and panel update for a claim none of the panes mentions, in this run.`,
        machineLoad(),
      ],
      failed: !within,
    };
  });
}

/** Absolute times mean little on a busy machine; say how busy it was. */
function machineLoad(): string {
  return `Machine load during the run: ${loadavg()[0]?.toFixed(1)} (1-minute average) on ${availableParallelism()} cores.`;
}

function alternate(runs: { warmup: number; runs: number }, a: () => unknown, b: () => unknown): [number[], number[]] {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs.warmup + runs.runs; i += 1) {
    for (const [work, samples] of [
      [a, first],
      [b, second],
    ] as const) {
      const start = performance.now();
      work();
      if (i >= runs.warmup) samples.push(performance.now() - start);
    }
  }
  return [first, second];
}

function time<T>(runs: { warmup: number; runs: number }, work: () => T): number[] {
  for (let i = 0; i < runs.warmup; i += 1) work();
  const samples: number[] = [];
  for (let i = 0; i < runs.runs; i += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return samples;
}
