/**
 * How costs grow with the story: the first-view request (GET /api/stories/:id/overview) on the
 * bundled story and on the large story at scales 1, 2 and 4 (PARALLAX_BENCH_SCALES overrides),
 * through the real HTTP path with compression as the server sends it. Times are ratios to the
 * bundled story and to GET /api/health measured in the same run; the slope is how much the
 * cost grows when the story doubles (1.0 = not at all, 2.0 = it doubles too). Then the same
 * stories in Chromium (scale-browser.ts): time to the matrix's first rows and to the first
 * Sources paint, and main-thread work of interactions at the largest scale; PARALLAX_BENCH_BROWSER=0
 * leaves the browser out.
 */
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from '../server/api/create-api';
import { bundledCorpus } from '../server/corpus/corpus-test-kit';
import { openSqliteStore, type SqlStore } from '../server/store/sql/sql-store';
import { count, median, ms, ratio } from './bench-format';
import type { BenchModule, BenchTable } from './bench-types';
import { DEFAULT_LARGE_STORY_SEED, LARGE_STORY_ID } from './large-story/generate-large-story';
import { describeWrite, ensureLargeStoryDb, largeStoryDbPath } from './large-story/large-story-db';
import { bundledStoryDatabase, measureScaleInBrowser, type ScaleStory } from './scale-browser';

const RUNS = { health: 200, warmup: 2, runs: 7 };
const BUNDLED_STORY = 'rafah-scg-2024';

type Measured = { label: string; scale: number | null; ms: number; wire: number; full: number; health: number };

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
      columns: ['story', 'server', '× bundled', '× health', 'on the wire', '× bundled', 'whole bundle (gzip)'],
      rows: results.map((m) => [
        m.label,
        ms(m.ms),
        ratio(m.ms / base.ms),
        ratio(m.ms / m.health),
        count(m.wire),
        ratio(m.wire / base.wire),
        count(m.full),
      ]),
      notes: [
        `slope per doubling, server time: ${slope((m) => m.ms) || 'needs two scales'}`,
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
  try {
    const healthSamples = await repeat(`${origin}/api/health`, 20, RUNS.health);
    const url = `${origin}/api/stories/${storyId}/overview`;
    const samples = await repeat(url, RUNS.warmup, RUNS.runs);
    const [full] = await repeat(`${origin}/api/stories/${storyId}`, 0, 1);
    return {
      label,
      scale,
      ms: median(samples.map((s) => s.ms)),
      wire: median(samples.map((s) => s.wire)),
      full: full?.wire ?? 0,
      health: median(healthSamples.map((s) => s.ms)),
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Requests with gzip accepted, counting the compressed bytes as they arrive (fetch would inflate them). */
async function repeat(url: string, warmup: number, runs: number) {
  const samples: { ms: number; wire: number }[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const start = performance.now();
    const wire = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(bytes)
            : reject(new Error(`GET ${url} answered ${response.statusCode}`)),
        );
        response.on('error', reject);
      }).on('error', reject);
    });
    if (i >= warmup) samples.push({ ms: performance.now() - start, wire });
  }
  return samples;
}
