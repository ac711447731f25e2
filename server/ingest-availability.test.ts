import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, sessionCookieOf } from './api/api-test-kit';
import { readCorpusDir } from './corpus/read-corpus-dir';
import { startServer, type RunningServer } from './start-server';
import { openSqliteStore } from './store/sql/sql-store';

const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-load-'));
const distDir = join(dir, 'dist');
mkdirSync(distDir);
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Parallax</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = readCorpusDir();
const story = corpus.stories[0]!.story.id;

async function startWithEditor(name: string, analysisTimeLimitMs?: number) {
  const databasePath = join(dir, `${name}.db`);
  const store = await openSqliteStore(databasePath);
  await store.seed(corpus);
  await addAccount(store, 'alice', 'editor');
  await store.close();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databasePath,
    distDir,
    corpus,
    ...(analysisTimeLimitMs ? { analysisTimeLimitMs } : {}),
  });
  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'alice', password: 'correct horse battery' }),
  });
  return { server, cookie: sessionCookieOf(signIn) };
}

/**
 * Posts an article with node:http, resolving `sent` once the whole body is on the socket:
 * what the test sends next is sent while the server is working on the article.
 */
function postArticle(server: RunningServer, cookie: string, body: object) {
  const payload = Buffer.from(JSON.stringify(body));
  let sent: () => void = () => {};
  const written = new Promise<void>((resolve) => (sent = resolve));
  const answered = new Promise<{ status: number; body: { error?: { code: string; message: string } } }>(
    (resolve, reject) => {
      const req = request(
        `${server.url}/api/stories/${story}/articles`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length, Cookie: cookie },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload, () => sent());
    },
  );
  return { written, answered };
}

const article = (content: string, fileName?: string) => ({
  content,
  outlet: 'Load Test Wire',
  // A new outlet, confirmed as such (a name like no known one is otherwise refused).
  createOutlet: true,
  published: '2024-05-01',
  ...(fileName ? { fileName } : {}),
});

describe('adding hostile articles through the API', () => {
  let running: { server: RunningServer; cookie: string };
  beforeAll(async () => {
    running = await startWithEditor('hostile', 30_000);
  });
  afterAll(async () => {
    await running.server.close();
  });

  it('answers health while a 1.9 MB one-paragraph article and 200 KB of "[" are analysed; both end clearly', async () => {
    const { server, cookie } = running;
    const paragraph = 'He said the talks were over. '.repeat(66_000).trim();
    expect(paragraph.length).toBeGreaterThan(1.9e6);
    const order: string[] = [];
    const long = postArticle(server, cookie, article(paragraph));
    const brackets = postArticle(server, cookie, article('['.repeat(200_000), 'brackets.md'));
    const ends = [long, brackets].map(({ answered }, i) =>
      answered.then((answer) => {
        order.push(`upload ${i}`);
        return answer;
      }),
    );
    await Promise.all([long.written, brackets.written]);
    const health = await fetch(`${server.url}/api/health`);
    order.push('health');
    expect(health.status).toBe(200);
    const answers = await Promise.all(ends);
    expect(order[0]).toBe('health');
    for (const answer of answers) {
      expect([201, 422]).toContain(answer.status);
      if (answer.status === 422) expect(answer.body.error?.code).toBe('too_long_to_analyse');
    }
    // Bounded by the analysis time limit of each article, whatever the machine's speed.
  }, 120_000);

  it('refuses HTML nested 5,000 levels deep with 422, storing nothing', async () => {
    const { server, cookie } = running;
    const before = await (await fetch(`${server.url}/api/stories/${story}`)).json();
    const nested = `<html><body>${'<div>'.repeat(5_000)}deep${'</div>'.repeat(5_000)}</body></html>`;
    const answer = await postArticle(server, cookie, article(nested, 'nested.html')).answered;
    expect(answer).toEqual({
      status: 422,
      body: {
        error: { code: 'nested_too_deeply', field: 'content', message: 'the page is nested too deeply to read' },
      },
    });
    expect(await (await fetch(`${server.url}/api/stories/${story}`)).json()).toEqual(before);
  });
});

describe('the analysis time limit', () => {
  it('refuses an article that takes longer with 422 too_long_to_analyse, and goes on serving', async () => {
    // One millisecond: no article of this size is analysed that fast.
    const { server, cookie } = await startWithEditor('limited', 1);
    try {
      const answer = await postArticle(server, cookie, article('She said it was over. '.repeat(20_000))).answered;
      expect(answer.status).toBe(422);
      expect(answer.body.error?.code).toBe('too_long_to_analyse');
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
