/**
 * Requests per second through whole server processes: SQLite (the default), one process on
 * PostgreSQL, and two processes on the same PostgreSQL database with the load spread over
 * both, all in the same run and reported as ratios to the SQLite figure.
 */
import pg from 'pg';
import { serverProcessKit, signInOver, type ServerProcess } from '../server/server-process-test-kit';
import { startTestPostgres } from '../server/store/postgres-test-kit';
import { ratio } from './bench-format';
import type { BenchTable } from './bench-types';

const REQUESTS = { warmup: 100, runs: 1_200, concurrency: 16 };
const WRITES = 40;
const PASSWORD = 'a bench password';

type Setup = { name: string; processes: ServerProcess[] };

/** Sends `count` requests, `concurrency` at a time, round-robin over the processes; requests per second. */
async function load(processes: ServerProcess[], paths: string[], count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next;
      next += 1;
      if (i >= count) return;
      const process = processes[i % processes.length]!;
      const response = await fetch(`${process.url}${paths[i % paths.length]}`);
      if (!response.ok) throw new Error(`${paths[i % paths.length]} answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: REQUESTS.concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

/** Verdict changes one after another, alternating processes: changes per second. */
async function writes(processes: ServerProcess[], cookie: string, claim: string, version: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < WRITES; i += 1) {
    const process = processes[i % processes.length]!;
    const response = await fetch(`${process.url}/api/claims/${claim}/verdict`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'If-Match': `"${version + i}"` },
      body: JSON.stringify({ status: i % 2 ? 'disputed' : 'verified', note: `bench ${i}` }),
    });
    if (response.status !== 200) throw new Error(`verdict change answered ${response.status}`);
  }
  return WRITES / ((performance.now() - started) / 1000);
}

async function measure(setup: Setup) {
  const [first] = setup.processes;
  const stories = (await (await fetch(`${first!.url}/api/stories`)).json()) as { id: string }[];
  const story = stories[0]!.id;
  const bundle = (await (await fetch(`${first!.url}/api/stories/${story}`)).json()) as {
    articles: { id: string }[];
    claims: { id: string; verdict: { version: number } }[];
  };
  const paths = [
    `/api/stories/${story}`,
    ...bundle.articles.slice(0, 8).map((a) => `/api/articles/${encodeURIComponent(a.id)}`),
    '/api/stories',
  ];
  await load(setup.processes, paths, REQUESTS.warmup);
  const reads = await load(setup.processes, paths, REQUESTS.runs);
  const cookie = await signInOver(first!.url, 'bench', PASSWORD);
  const claim = bundle.claims[0]!;
  const changes = await writes(setup.processes, cookie, claim.id, claim.verdict.version);
  return { reads, changes };
}

export async function throughputTable(): Promise<BenchTable> {
  const postgres = await startTestPostgres();
  const kits: ReturnType<typeof serverProcessKit>[] = [];
  const fresh = async (name: string) => {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgres.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  try {
    const setups: { name: string; databaseUrl: string | null; count: number }[] = [
      { name: 'SQLite, 1 process (baseline)', databaseUrl: null, count: 1 },
      { name: 'PostgreSQL, 1 process', databaseUrl: await fresh('bench_one'), count: 1 },
      { name: 'PostgreSQL, 2 processes', databaseUrl: await fresh('bench_two'), count: 2 },
    ];
    const results: { name: string; reads: number; changes: number }[] = [];
    for (const { name, databaseUrl, count } of setups) {
      const kit = serverProcessKit(databaseUrl);
      kits.push(kit);
      const processes = [await kit.start()];
      for (let i = 1; i < count; i += 1) processes.push(await kit.start());
      const added = kit.addEditor('bench', PASSWORD);
      if (added.status !== 0) throw new Error(`could not add the bench editor: ${added.stderr}`);
      results.push({ name, ...(await measure({ name, processes })) });
      await kit.stopAll();
    }
    const base = results[0]!;
    return {
      title: `Throughput of whole server processes (bundled story, ${REQUESTS.concurrency} requests in flight)`,
      columns: ['setup', 'reads/s', '× SQLite', 'verdict changes/s', '× SQLite'],
      rows: results.map((r) => [
        r.name,
        r.reads.toFixed(0),
        ratio(r.reads / base.reads),
        r.changes.toFixed(1),
        ratio(r.changes / base.changes),
      ]),
      notes: [
        `Reads: ${REQUESTS.runs} GETs (story bundle, articles, story list) after ${REQUESTS.warmup} warm-ups, round-robin over the processes.`,
        `Changes: ${WRITES} verdict changes one after another, each with its audit entry and live update, alternating processes.`,
        'The load generator shares the machine with the servers (and PostgreSQL): compare the ratios, not the figures.',
      ],
    };
  } finally {
    for (const kit of kits) await kit.stopAll().catch(() => undefined);
    await postgres.stop();
  }
}
