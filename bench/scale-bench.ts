/**
 * How costs grow with the story: the first-view request (GET /api/stories/:id/overview) on the
 * bundled story and on the large story at scales 1, 2 and 4 (PARALLAX_BENCH_SCALES overrides),
 * through the real HTTP path with compression as the server sends it. Times are ratios to the
 * bundled story and to GET /api/health measured in the same run; the slope is how much the
 * cost grows when the story doubles (1.0 = not at all, 2.0 = it doubles too). Then the same
 * stories in Chromium (scale-browser.ts): time to the matrix's first rows and to the first
 * Sources paint, and main-thread work (CPU time of the page's main-thread tasks, from Chromium's
 * trace) of interactions at each generated scale; PARALLAX_BENCH_BROWSER=0 leaves the browser out.
 */
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from '../server/api/create-api';
import { bundledCorpus } from '../server/corpus/corpus-test-kit';
import { openSqliteStore, type SqlStore } from '../server/store/sql/sql-store';
import { count, median, ms, ratio } from './bench-format';
import type { BenchModule, BenchTable } from './bench-types';
import { createRequestTimer, type TimedRequest } from './request-timer';
import { DEFAULT_LARGE_STORY_SEED, LARGE_STORY_ID } from './large-story/generate-large-story';
import { describeWrite, ensureLargeStoryDb, largeStoryDbPath } from './large-story/large-story-db';
import { bundledStoryDatabase, measureScaleInBrowser, type ScaleStory } from './scale-browser';

/**
 * Rounds of health and first-view requests taken in turn, so that a burst of load from elsewhere
 * on the machine falls on both; the medians are over every round. One warm-up request of each
 * comes first, untimed but for the first-view one, which is the read that fills the cache.
 */
const RUNS = { rounds: 5, health: 40, overview: 7 };
const BUNDLED_STORY = 'rafah-scg-2024';

type Measured = {
  label: string;
  scale: number | null;
  /** To the answer's last byte, and to its first. */
  ms: number;
  firstByte: number;
  wire: number;
  full: number;
  health: number;
  /** The first request, which reads the story from the database and fills the read cache. */
  uncached: number;
};

/**
 * Runs a full garbage collection. The uncached read leaves hundreds of MiB of garbage behind at
 * the largest scale; collected while the timed requests run, it doubled their median from one
 * scale to the next. A running desk has long collected it when a reader opens the story, so it
 * is collected before the timed requests.
 */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export const scaleBench: BenchModule = {
  name: 'scale',
  async run() {
    const scales = (process.env.PARALLAX_BENCH_SCALES ?? '1,2,4').split(',').map(Number);
    const bundled = await openSqliteStore(':memory:');
    await bundled.seed(bundledCorpus());
    const results: Measured[] = [await measure(bundled, BUNDLED_STORY, 'bundled story', null)];
    await bundled.close();
    let rssAtLargest = 0;
    const browserStories: ScaleStory[] = [];
    for (const scale of scales) {
      const { path, written } = await ensureLargeStoryDb(largeStoryDbPath(scale), DEFAULT_LARGE_STORY_SEED, scale);
      if (written) console.log(describeWrite(written));
      browserStories.push({ label: `large story × ${scale}`, scale, storyId: LARGE_STORY_ID, databasePath: path });
      const store = await openSqliteStore(path);
      try {
        results.push(await measure(store, LARGE_STORY_ID, `large story × ${scale}`, scale));
        rssAtLargest = process.memoryUsage().rss;
      } finally {
        await store.close();
      }
    }
    const [base] = results;
    if (!base) return [];
    const slope = (value: (m: Measured) => number) =>
      results
        .filter((m) => m.scale !== null)
        .slice(1)
        .map((m, i, rest) => {
          const previous = i === 0 ? results.find((r) => r.scale !== null) : rest[i - 1];
          if (!previous?.scale || !m.scale) return '';
          const doublings = Math.log2(m.scale / previous.scale);
          return `${previous.scale}→${m.scale}: ×${(value(m) / value(previous)) ** (1 / doublings)}`.replace(
            /(\d+\.\d{2})\d+/,
            '$1',
          );
        })
        .join(', ');
    const table: BenchTable = {
      title: 'First view as the story grows (GET …/overview, gzip, median per request)',
      columns: [
        'story',
        'server',
        'first byte',
        '× bundled',
        '× health',
        'on the wire',
        '× bundled',
        'uncached read',
        'whole bundle (gzip)',
      ],
      rows: results.map((m) => [
        m.label,
        ms(m.ms),
        ms(m.firstByte),
        ratio(m.ms / base.ms),
        ratio(m.ms / m.health),
        count(m.wire),
        ratio(m.wire / base.wire),
        ms(m.uncached),
        count(m.full),
      ]),
      notes: [
        `median of ${RUNS.rounds * RUNS.overview} requests (/api/health: of ${RUNS.rounds * RUNS.health}) in ${RUNS.rounds} rounds, after the uncached read and a garbage collection`,
        `slope per doubling, server time: ${slope((m) => m.ms) || 'needs two scales'}`,
        `slope per doubling, uncached read: ${slope((m) => m.uncached) || 'needs two scales'}`,
        `slope per doubling, bytes on the wire: ${slope((m) => m.wire) || 'needs two scales'}`,
        `server RSS after serving the largest: ${(rssAtLargest / 1024 / 1024).toFixed(0)} MiB (this process: store, app and client)`,
      ],
    };
    if (process.env.PARALLAX_BENCH_BROWSER === '0') return [table];
    console.log('\n[scale] in Chromium…');
    const bundledDb = await bundledStoryDatabase();
    try {
      const browser = await measureScaleInBrowser([
        { label: 'bundled story', scale: null, storyId: BUNDLED_STORY, databasePath: bundledDb.path },
        ...browserStories,
      ]);
      return [table, ...browser];
    } finally {
      bundledDb.remove();
    }
  },
};

async function measure(store: SqlStore, storyId: string, label: string, scale: number | null): Promise<Measured> {
  const app = new Hono();
  app.use('*', compress());
  app.route('/', createApp(store));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const timer = createRequestTimer();
  const repeat = (to: string, warmup: number, runs: number) => timer.repeat(to, warmup, runs);
  try {
    const health = `${origin}/api/health`;
    const url = `${origin}/api/stories/${storyId}/overview`;
    const [uncached] = await repeat(url, 0, 1);
    await repeat(health, 20, 0);
    collectGarbage();
    const healthSamples: TimedRequest[] = [];
    const samples: TimedRequest[] = [];
    for (let round = 0; round < RUNS.rounds; round += 1) {
      healthSamples.push(...(await repeat(health, 0, RUNS.health)));
      samples.push(...(await repeat(url, 0, RUNS.overview)));
    }
    const [full] = await repeat(`${origin}/api/stories/${storyId}`, 0, 1);
    return {
      label,
      scale,
      ms: median(samples.map((s) => s.ms)),
      firstByte: median(samples.map((s) => s.firstByte)),
      wire: median(samples.map((s) => s.wire)),
      full: full?.wire ?? 0,
      health: median(healthSamples.map((s) => s.ms)),
      uncached: uncached?.ms ?? NaN,
    };
  } finally {
    await timer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
