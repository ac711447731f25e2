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

describe('sqlite audit and security logs', () => {
  it('cannot be edited or deleted, even with SQL', async () => {
    const store = createSqliteStore(freshPath());
    await store.seed(fixtureCorpus());
    await store.updateVerdict({
      claimId: 'deal',
      expectedVersion: 1,
      content: { status: 'false', note: 'No deal.', evidence: [] },
      editor: 'alice',
      at: '2024-05-01T10:00:00.000Z',
    });
    await store.logSecurityEvent({ kind: 'sign_in_failed', at: 'now', username: 'x', address: null, detail: '' });
    expect(() => store.db.prepare("UPDATE verdict_audit SET editor = 'mallory'").run()).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM verdict_audit').run()).toThrow(/cannot be deleted/);
    expect(() => store.db.prepare("UPDATE security_log SET detail = ''").run()).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM security_log').run()).toThrow(/cannot be deleted/);
    expect(await store.listVerdictHistory('deal')).toEqual([expect.objectContaining({ editor: 'alice' })]);
    await store.close();
  });

  it('refuses a change another connection made first, across processes sharing the file', async () => {
    const path = freshPath();
    const first = createSqliteStore(path);
    await first.seed(fixtureCorpus());
    const second = createSqliteStore(path);
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
    const store = createSqliteStore(freshPath());
    const corpus = fixtureCorpus();
    const { evidence: _none, ...withoutEvidence } = corpus.stories[0]!.claims[1]!.verdict;
    corpus.stories[0]!.claims[1]!.verdict = withoutEvidence;
    await store.seed(corpus);
    expect((await store.getClaim('deal'))?.verdict.evidence).toEqual([]);
    await store.close();
  });
});
