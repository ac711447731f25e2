/**
 * Read API on the large story, through the real HTTP path: the SQLite store, the Hono app and
 * @hono/node-server on loopback. Times are reported as ratios to GET /api/health measured in
 * the same run; absolute times on a shared machine are noise.
 */
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { createApp } from '../server/api/create-api';
import { openSqliteStore } from '../server/store/sql/sql-store';
import { LARGE_STORY_ID } from './large-story/generate-large-story';
import { count, median, ms, ratio } from './bench-format';
import type { BenchModule } from './bench-types';
import { throughputTable } from './throughput-bench';

const HEALTH = { warmup: 30, runs: 300 };
const STORY = { warmup: 2, runs: 7 };
const ARTICLES = { warmup: 20, runs: 200 };

type Sample = { ms: number; bytes: number; body: Buffer };

export const apiBench: BenchModule = {
  name: 'api',
  async run(context) {
    const store = await openSqliteStore(await context.largeStoryDb());
    const app = createApp(store);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
    });
    const { port } = server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    try {
      // The baseline is sampled before and after the heavy requests, so drift shows in neither ratio.
      const health = await repeat(`${origin}/api/health`, HEALTH.warmup, HEALTH.runs / 2);

      const storyUrl = `${origin}/api/stories/${LARGE_STORY_ID}`;
      const storyWarmup = await repeat(storyUrl, 0, STORY.warmup);
      const story = await repeat(storyUrl, 0, STORY.runs);
      const articleIds = readArticleIds(storyWarmup[0]?.body);
      if (articleIds.length < ARTICLES.warmup + ARTICLES.runs) {
        throw new Error(`the large story has ${articleIds.length} articles; the bench needs more`);
      }

      const step = Math.floor(articleIds.length / (ARTICLES.warmup + ARTICLES.runs));
      const picked = Array.from({ length: ARTICLES.warmup + ARTICLES.runs }, (_, i) => articleIds[i * step] as string);
      const articleUrls = picked.map((id) => `${origin}/api/articles/${encodeURIComponent(id)}`);
      for (const url of articleUrls.slice(0, ARTICLES.warmup)) await get(url);
      const articles: Sample[] = [];
      for (const url of articleUrls.slice(ARTICLES.warmup)) articles.push(await get(url));

      health.push(...(await repeat(`${origin}/api/health`, 0, HEALTH.runs / 2)));
      const baseline = median(health.map((s) => s.ms));

      /** `distinct`: each sample is a different resource; otherwise all carry the same bytes. */
      const row = (endpoint: string, samples: Sample[], distinct: boolean) => {
        const time = median(samples.map((s) => s.ms));
        const bytes = median(samples.map((s) => s.bytes));
        const gzip = median((distinct ? samples : samples.slice(0, 1)).map((s) => gzipSync(s.body).length));
        return [
          endpoint,
          String(samples.length),
          ms(time),
          ratio(time / baseline),
          count(Math.round(bytes)),
          count(Math.round(gzip)),
        ];
      };
      const requests = HEALTH.warmup + HEALTH.runs + STORY.warmup + STORY.runs + ARTICLES.warmup + ARTICLES.runs;
      const throughput = await throughputTable();
      return [
        {
          title: 'API on the large story (HTTP on 127.0.0.1, median per request)',
          columns: ['endpoint', 'runs', 'median', '× health', 'bytes', 'gzip bytes'],
          rows: [
            row('GET /api/health (baseline)', health, false),
            row(`GET /api/stories/${LARGE_STORY_ID}`, story, false),
            row('GET /api/articles/:id (distinct ids)', articles, true),
          ],
          notes: [
            `× health: median ÷ the median of GET /api/health in this run (the comparable figure; ms are for orientation only).`,
            `${requests} requests in all, one at a time, after warm-ups; gzip at zlib's default level, as a server would send it.`,
          ],
        },
        throughput,
      ];
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    }
  },
};

async function get(url: string): Promise<Sample> {
  const start = performance.now();
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  const elapsed = performance.now() - start;
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.toString('utf8', 0, 200)}`);
  return { ms: elapsed, bytes: body.length, body };
}

async function repeat(url: string, warmup: number, runs: number): Promise<Sample[]> {
  for (let i = 0; i < warmup; i += 1) await get(url);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await get(url));
  return samples;
}

function readArticleIds(body: Buffer | undefined): string[] {
  if (!body) return [];
  const bundle = JSON.parse(body.toString('utf8')) as { articles?: { id: string }[] };
  return (bundle.articles ?? []).map((a) => a.id);
}
