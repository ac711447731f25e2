/**
 * The availability figures of the attack run, re-measured: `npx tsx bench/attack-figures.ts`.
 * 1. /api/health latency while a 1.9 MB one-paragraph article and 200 KB of "[" are added,
 *    as a ratio to its latency on the idle server measured in the same run.
 * 2. Heap with 20 paused change-stream clients and 2,000 changes, and after they are dropped.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { addAccount, sessionCookieOf } from '../server/api/api-test-kit';
import { createChangeFeed, type FeedEvent } from '../server/api/change-feed';
import { createApp } from '../server/api/create-api';
import { readCorpusDir } from '../server/corpus/read-corpus-dir';
import { startServer } from '../server/start-server';
import { openSqliteStore } from '../server/store/sql/sql-store';

const dir = mkdtempSync(join(tmpdir(), 'parallax-attack-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Parallax</title>');
const corpus = readCorpusDir();
const story = corpus.stories[0]!.story.id;
/** More than the 500 a stream may hold unsent, after what the sockets' buffers take. */
const CHANGES = 2_000;

async function healthLatency() {
  const databasePath = join(dir, 'attack.db');
  const store = await openSqliteStore(databasePath);
  await store.seed(corpus);
  await addAccount(store, 'alice', 'editor');
  await store.close();
  const server = await startServer({ port: 0, host: '127.0.0.1', databasePath, distDir: join(dir, 'dist'), corpus });
  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'alice', password: 'correct horse battery' }),
  });
  const cookie = sessionCookieOf(signIn);
  const health = async () => {
    const start = performance.now();
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    return performance.now() - start;
  };
  for (let i = 0; i < 20; i += 1) await health();
  const idle: number[] = [];
  for (let i = 0; i < 50; i += 1) idle.push(await health());
  const post = (content: string, fileName?: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const start = performance.now();
      const payload = Buffer.from(
        JSON.stringify({
          content,
          outlet: 'Attack Wire',
          createOutlet: true,
          published: '2024-05-01',
          ...(fileName ? { fileName } : {}),
        }),
      );
      const req = request(
        `${server.url}/api/stories/${story}/articles`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length, Cookie: cookie },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  let done = false;
  const uploads = Promise.all([
    post('He said the talks were over. '.repeat(66_000).trim()),
    post('['.repeat(200_000), 'brackets.md'),
  ]).finally(() => (done = true));
  const busy: number[] = [];
  while (!done) busy.push(await health());
  const results = await uploads;
  await server.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const max = (values: number[]) => Math.max(...values);
  console.log(
    `health during hostile uploads: ${busy.length} answered while uploading; median ${(median(busy) / median(idle)).toFixed(1)}× idle, ` +
      `slowest ${max(busy).toFixed(0)} ms (idle median ${median(idle).toFixed(1)} ms, slowest ${max(idle).toFixed(0)} ms); ` +
      `uploads: ${results.map((r) => `${r.status} in ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`,
  );
}

async function sseMemory() {
  const changes = createChangeFeed();
  const store = await openSqliteStore(':memory:');
  await store.seed(corpus);
  const app = createApp(store, { changes });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const heap = () => {
    globalThis.gc?.();
    return process.memoryUsage().heapUsed / 1e6;
  };
  const baseline = heap();
  const closed: Promise<void>[] = [];
  for (let i = 0; i < 20; i += 1) {
    await new Promise<void>((ready) => {
      const req = request(`http://127.0.0.1:${port}/api/changes`, (res) => {
        res.once('data', () => {
          res.pause();
          ready();
        });
        closed.push(new Promise((end) => res.once('close', () => end())));
      });
      req.end();
    });
  }
  const note = 'x'.repeat(6_000);
  for (let i = 0; i < CHANGES; i += 1) {
    changes.publish({
      name: 'verdict',
      data: { claim: `c-${i}`, story, version: i, verdict: { status: 'disputed', note } },
    } as unknown as FeedEvent);
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const peak = heap();
  await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const after = heap();
  console.log(
    `SSE: 20 paused clients × ${CHANGES} changes of ~6 KB: heap ${baseline.toFixed(1)} MB before, ${peak.toFixed(1)} MB at the peak, ` +
      `${after.toFixed(1)} MB after (+${(after - baseline).toFixed(1)} MB); ${changes.listeners} clients still subscribed`,
  );
  server.close();
}

try {
  await healthLatency();
  await sseMemory();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
