import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture-corpus';
import { describeStoreContract } from '../store-contract';
import { MIGRATIONS } from './migrations';
import { createSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const freshPath = () => join(dir, `store-${(counter += 1)}.db`);

describeStoreContract('sqlite', () => createSqliteStore(freshPath()));

describe('sqlite store on disk', () => {
  it('runs in WAL mode with full synchronous writes and a busy timeout', async () => {
    const store = createSqliteStore(freshPath());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    await store.close();
  });

  it('keeps its data across a reopen and keeps an editor change through a reseed', async () => {
    const path = freshPath();
    const first = createSqliteStore(path);
    await first.seed(fixtureCorpus());
    first.db.prepare("UPDATE claims SET verdict_status = 'disputed', verdict_version = 2 WHERE id = 'deal'").run();
    await first.close();

    const reopened = createSqliteStore(path);
    expect(await reopened.seed(fixtureCorpus())).toMatchObject({ claims: 0, mentions: 0 });
    const deal = (await reopened.getStoryBundle('fixture-story'))?.claims.find((c) => c.id === 'deal');
    expect(deal?.verdict).toMatchObject({ status: 'disputed', version: 2 });
    await reopened.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const path = freshPath();
    const store = createSqliteStore(path);
    store.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    await store.close();
    expect(() => createSqliteStore(path)).toThrow(/newer than this Parallax/);
  });

  it('rolls back a seeding that fails part way, leaving no partial rows', async () => {
    const store = createSqliteStore(freshPath());
    const corpus = fixtureCorpus();
    corpus.stories[0]!.mentions[2]!.article = 'missing-article';
    await expect(store.seed(corpus)).rejects.toThrow();
    expect(await store.listStories()).toEqual([]);
    await store.close();
  });
});
