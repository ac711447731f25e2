import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readCorpusDir } from '../server/corpus/read-corpus-dir';
import { createAnalysisPool } from '../server/ingest/analysis-pool';
import { createInProcessAnalyser } from '../server/ingest/article-analyser';
import { openSqliteStore } from '../server/store/sql/sql-store';
import type { Store } from '../server/store/store';
import { runIngestCommand } from './ingest-command';

const fixtures = join(import.meta.dirname, '..', 'server', 'ingest', 'fixtures');
let store: Store;
let lines: string[];
const io = {
  readFile: (path: string) => (path === 'binary.bin' ? Promise.resolve(new Uint8Array([0, 1, 2])) : readFile(path)),
  out: (line: string) => lines.push(line),
  analyser: createInProcessAnalyser(),
};
const run = (...argv: string[]) => runIngestCommand(store, argv, io);
const common = ['--story', 'rafah-scg-2024', '--outlet', 'Global Wire', '--new-outlet', '--published', '2024-04-19'];

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await store.seed(readCorpusDir());
  lines = [];
});

describe('npm run ingest', () => {
  it('adds each file with progress, refuses duplicates and bad files, and sums up', async () => {
    const summary = await run(
      join(fixtures, 'wire-denial.html'),
      join(fixtures, 'wire-egypt.md'),
      join(fixtures, 'wire-denial.html'),
      'binary.bin',
      'missing.txt',
      ...common,
    );
    expect(summary).toEqual({ added: 2, duplicates: 1, errors: 2 });
    expect(lines[0]).toMatch(
      /^\[1\/5\] wire-denial\.html: added as global-wire-2024-04-19-\w+ \(new outlet Global Wire\); \d+ suggestions for \d+ claims to review$/,
    );
    expect(lines[1]).toMatch(/^\[2\/5\] wire-egypt\.md: added as /);
    expect(lines[1]).not.toMatch(/new outlet/);
    expect(lines[2]).toMatch(/^\[3\/5\] wire-denial\.html: duplicate: this text is already in the story/);
    expect(lines[3]).toBe('[4/5] binary.bin: error: the input is binary (it contains NUL bytes), not text');
    expect(lines[4]).toBe('[5/5] missing.txt: error: cannot be read');
    expect(lines[5]).toMatch(/^\n2 added, 1 duplicate, 2 errors:\n {2}binary\.bin: the input is binary/);
    const bundle = await store.getStoryBundle('rafah-scg-2024');
    expect(bundle?.articles).toHaveLength(7);
  });

  it('refuses bad arguments with the usage, storing nothing', async () => {
    expect(
      await run(join(fixtures, 'wire-plain.txt'), '--story', 'rafah-scg-2024', '--published', 'tomorrow'),
    ).toBeNull();
    expect(lines.join('\n')).toMatch(/--outlet is required\n--published "tomorrow" is not a date/);
    expect(lines.join('\n')).toMatch(/npm run ingest -- FILE/);
    lines = [];
    expect(await run(join(fixtures, 'wire-plain.txt'), ...common.slice(2), '--story', 'nope')).toBeNull();
    expect(lines).toEqual(['There is no story "nope".']);
    expect((await store.getStoryBundle('rafah-scg-2024'))?.articles).toHaveLength(5);
  });
});

describe('npm run ingest --url', () => {
  it('fetches the page, adds it with its archived copy, and reports a refusal without storing', async () => {
    const html = await readFile(join(fixtures, 'wire-denial.html'));
    const fetchPage = (url: string) =>
      Promise.resolve(
        url.includes('private')
          ? { ok: false as const, refusal: { code: 'refused_address' as const, message: 'a private address' } }
          : {
              ok: true as const,
              page: {
                url,
                contentType: 'text/html',
                content: new Uint8Array(html),
                fetchedAt: '2024-04-19T08:00:00.000Z',
              },
            },
      );
    const url = ['--url', 'https://wire.example/story'];
    expect(await runIngestCommand(store, [...common, ...url], { ...io, fetchPage })).toEqual({
      added: 1,
      duplicates: 0,
      errors: 0,
    });
    const id = /added as (\S+);/.exec(lines.at(-1) ?? '')?.[1] ?? '';
    expect(await store.getArticleArchive(id)).toMatchObject({
      url: 'https://wire.example/story',
      contentType: 'text/html',
    });
    const before = (await store.listStoryArticles('rafah-scg-2024')).length;
    const refused = ['--url', 'http://private.example/'];
    expect(await runIngestCommand(store, [...common, ...refused], { ...io, fetchPage })).toEqual({
      added: 0,
      duplicates: 0,
      errors: 1,
    });
    expect(lines.at(-1)).toMatch(/a private address/);
    expect((await store.listStoryArticles('rafah-scg-2024')).length).toBe(before);
  });
});

describe('npm run ingest with hostile files', () => {
  const pool = createAnalysisPool({ timeLimitMs: 20_000, threads: 1 });
  afterAll(() => pool.close());

  it('reports a page nested too deeply and goes on with the next file, passages stored with each', async () => {
    const nested = `<html><body>${'<div>'.repeat(5_000)}deep${'</div>'.repeat(5_000)}</body></html>`;
    const files: Record<string, string> = { 'nested.html': nested };
    const summary = await runIngestCommand(
      store,
      [join(fixtures, 'wire-denial.html'), 'nested.html', join(fixtures, 'wire-egypt.md'), ...common],
      {
        ...io,
        readFile: (path) => (path in files ? Promise.resolve(new TextEncoder().encode(files[path])) : readFile(path)),
        analyser: pool,
      },
    );
    expect(summary).toEqual({ added: 2, duplicates: 0, errors: 1 });
    expect(lines[1]).toBe('[2/3] nested.html: error: the page is nested too deeply to read');
    expect(lines[2]).toMatch(/^\[3\/3\] wire-egypt\.md: added as /);
    const bundle = await store.getStoryBundle('rafah-scg-2024');
    expect(bundle?.articles).toHaveLength(7);
    const added = bundle!.articles.slice(-2).map((a) => a.id);
    // The shared passages were recomputed with each article, not left for the end of the batch.
    expect(bundle!.passages.some((p) => p.spans.some((s) => added.includes(s.article)))).toBe(true);
  });
});
