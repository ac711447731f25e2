import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture-corpus';
import { describeStoreContract } from '../store-contract';
import { MIGRATION_NAMES } from './migrations';
import { openSqliteStore } from './sql-store';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const freshPath = () => join(dir, `store-${(counter += 1)}.db`);

describeStoreContract('sqlite', () => openSqliteStore(freshPath()));
describeStoreContract('sqlite in memory', () => openSqliteStore(':memory:'));

describe('sqlite store on disk', () => {
  it('runs in WAL mode with full synchronous writes and a busy timeout, its schema current', async () => {
    const store = await openSqliteStore(freshPath());
    const db = store.sql.sqlite!;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.sql.db);
    expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    await store.close();
  });

  it('keeps its data across a reopen and keeps an editor change through a reseed', async () => {
    const path = freshPath();
    const first = await openSqliteStore(path);
    await first.seed(fixtureCorpus());
    first.sql
      .sqlite!.prepare("UPDATE claims SET verdict_status = 'disputed', verdict_version = 2 WHERE id = 'deal'")
      .run();
    await first.close();

    const reopened = await openSqliteStore(path);
    expect(await reopened.seed(fixtureCorpus())).toMatchObject({ claims: 0, mentions: 0 });
    const deal = (await reopened.getStoryBundle('fixture-story'))?.claims.find((c) => c.id === 'deal');
    expect(deal?.verdict).toMatchObject({ status: 'disputed', version: 2 });
    await reopened.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const path = freshPath();
    const store = await openSqliteStore(path);
    store.sql
      .sqlite!.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'x')")
      .run();
    await store.close();
    await expect(openSqliteStore(path)).rejects.toThrow(/newer than this Parallax/);
  });

  it('adopts a desk written before the shared SQL layer without rerunning its steps', async () => {
    const path = freshPath();
    const legacy = new Database(path);
    legacy.exec(`CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, summary TEXT NOT NULL)`);
    legacy.pragma('user_version = 1');
    legacy.close();
    // Step 1 is recorded as applied: the later steps run; the half-built legacy schema shows it.
    await expect(openSqliteStore(path)).rejects.toThrow(/no such table: events/);
    const tooNew = freshPath();
    const newer = new Database(tooNew);
    newer.pragma('user_version = 7');
    newer.close();
    await expect(openSqliteStore(tooNew)).rejects.toThrow(/newer than this Parallax/);
  });

  it('rolls back a seeding that fails part way, leaving no partial rows', async () => {
    const store = await openSqliteStore(freshPath());
    const corpus = fixtureCorpus();
    corpus.stories[0]!.mentions[2]!.article = 'missing-article';
    await expect(store.seed(corpus)).rejects.toThrow();
    expect(await store.listStories()).toEqual([]);
    await store.close();
  });

  it('refuses a change another connection made first, across processes sharing the file', async () => {
    const path = freshPath();
    const first = await openSqliteStore(path);
    await first.seed(fixtureCorpus());
    const second = await openSqliteStore(path);
    const content = { status: 'verified' as const, note: '', evidence: [] };
    const at = '2024-05-01T10:00:00.000Z';
    expect((await first.updateVerdict({ claimId: 'deal', expectedVersion: 1, content, editor: 'a', at })).kind).toBe(
      'updated',
    );
    expect((await second.updateVerdict({ claimId: 'deal', expectedVersion: 1, content, editor: 'b', at })).kind).toBe(
      'stale',
    );
    expect(await second.listVerdictHistory('deal')).toHaveLength(1);
    await first.close();
    await second.close();
  });

  it('reads claims written before evidence was recorded as citing none', async () => {
    const store = await openSqliteStore(freshPath());
    const corpus = fixtureCorpus();
    const { evidence: _none, ...withoutEvidence } = corpus.stories[0]!.claims[1]!.verdict;
    corpus.stories[0]!.claims[1]!.verdict = withoutEvidence;
    await store.seed(corpus);
    expect((await store.getClaim('deal'))?.verdict.evidence).toEqual([]);
    await store.close();
  });
});
