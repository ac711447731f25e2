import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../server/store/fixture-corpus';
import { openPostgresStore, openSqliteStore } from '../server/store/sql/sql-store';
import { freshPostgresDatabase } from '../server/store/store-test-kit';
import { runDbCommand } from './db-command';

const dir = mkdtempSync(join(tmpdir(), 'parallax-db-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const freshPath = () => join(dir, `desk-${(counter += 1)}.db`);

let out: string[];
let err: string[];
const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line), user: 'ada' };
beforeEach(() => {
  out = [];
  err = [];
});

/** A desk with a story, an edited verdict, an account with a session, and a pruned security log. */
async function writeDesk(path: string) {
  const store = await openSqliteStore(path);
  await store.seed(fixtureCorpus());
  await store.updateVerdict({
    claimId: 'deal',
    expectedVersion: 1,
    content: { status: 'false', note: 'No deal.', evidence: [{ kind: 'mention', mention: 'm-b-deal' }] },
    editor: 'alice',
    at: '2024-05-01T10:00:00.000Z',
  });
  await store.createAccount({
    username: 'alice',
    role: 'editor',
    passwordHash: 'h',
    createdAt: '2024-05-01T09:00:00.000Z',
  });
  await store.createSession({ tokenHash: 't', username: 'alice', createdAt: 'x', expiresAt: 4_000_000_000_000 });
  await store.logSecurityEvent({
    kind: 'sign_in_failed',
    at: '2024-01-01T00:00:00.000Z',
    username: 'x',
    address: null,
    detail: 'old',
  });
  await store.pruneSecurityLog({ cutoff: '2024-02-01T00:00:00.000Z', at: '2024-05-01T00:00:00.000Z', by: 'ada' });
  await store.logSecurityEvent({
    kind: 'signed_in',
    at: '2024-05-01T10:00:00.000Z',
    username: 'alice',
    address: '10.0.0.1',
    detail: 'signed in',
  });
  await store.rejectSuggestion({ article: 'art-a', claim: 'deal', sentenceStart: 0, editor: 'alice', at: 'x' });
  return store;
}

const snapshot = async (store: Awaited<ReturnType<typeof openSqliteStore>>) => ({
  bundle: await store.getStoryBundle('fixture-story'),
  articles: await store.listStoryArticles('fixture-story'),
  history: await store.listVerdictHistory('deal'),
  accounts: await store.listAccounts(),
  session: await store.findSession('t', 0),
  log: await store.listSecurityEvents(),
  prunes: await store.listSecurityLogPrunes(),
  rejections: await store.listRejectedSuggestions('art-a'),
});

describe('npm run db:copy', () => {
  it('moves a SQLite desk into an empty PostgreSQL database, every row and id as it was', async () => {
    const from = freshPath();
    const desk = await writeDesk(from);
    const before = await snapshot(desk);
    await desk.close();
    const database = await freshPostgresDatabase();
    try {
      const config = { databasePath: from, databaseUrl: null };
      expect(await runDbCommand('copy', ['--from', from, '--to', database.url], config, io), err.join('\n')).toBe(0);
      expect(out.join('\n')).toMatch(/verdict_audit: 1/);
      const target = await openPostgresStore(database.url);
      try {
        expect(await snapshot(target)).toEqual(before);
        // The copy goes on where the desk left off: new audit entries follow the copied ones.
        const next = await target.updateVerdict({
          claimId: 'deal',
          expectedVersion: 2,
          content: { status: 'disputed', note: '', evidence: [] },
          editor: 'bob',
          at: '2024-05-02T10:00:00.000Z',
        });
        expect(next.kind === 'updated' && next.entry.id).toBeGreaterThan(before.history[0]!.id);
        // A second copy into the same database is refused and changes nothing.
        expect(await runDbCommand('copy', ['--from', from, '--to', database.url], config, io)).toBe(1);
        expect(err.join('\n')).toMatch(/not empty/);
        expect(await target.listVerdictHistory('deal')).toHaveLength(2);
      } finally {
        await target.close();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);

  it('names what is missing', async () => {
    const config = { databasePath: freshPath(), databaseUrl: null };
    expect(await runDbCommand('copy', ['--to', 'postgres://x/y'], config, io)).toBe(1);
    expect(err[0]).toMatch(/--from FILE/);
    expect(await runDbCommand('copy', ['--from', '/nonexistent.db', '--to', 'mysql://x'], config, io)).toBe(1);
    expect(await runDbCommand('frobnicate', [], config, io)).toBe(1);
    expect(err.join('\n')).toMatch(/unknown command "frobnicate"/);
  });
});

describe('npm run db:backup', () => {
  it('copies a SQLite desk through the online backup API, refusing to overwrite a file', async () => {
    const path = freshPath();
    const desk = await writeDesk(path);
    const before = await snapshot(desk);
    const to = freshPath();
    const config = { databasePath: path, databaseUrl: null };
    // The desk stays open, as a running server would keep it.
    expect(await runDbCommand('backup', ['--to', to], config, io), err.join('\n')).toBe(0);
    await desk.close();
    const backup = await openSqliteStore(to);
    expect(await snapshot(backup)).toEqual(before);
    await backup.close();
    expect(await runDbCommand('backup', ['--to', to], config, io)).toBe(1);
    expect(err[0]).toMatch(/exists/);
    expect(await runDbCommand('backup', ['--to', to], { ...config, databaseUrl: 'postgres://x/y' }, io)).toBe(1);
    expect(err.join('\n')).toMatch(/pg_dump/);
  });
});

describe('npm run db:prune-log and db:migrate', () => {
  it('removes entries older than the age given, on the record, and refuses an unclear age', async () => {
    const path = freshPath();
    const desk = await writeDesk(path);
    await desk.close();
    const config = { databasePath: path, databaseUrl: null };
    const now = () => new Date('2024-08-30T00:00:00.000Z');
    expect(await runDbCommand('prune-log', ['--older-than', '90d'], config, { ...io, now }), err.join('\n')).toBe(0);
    expect(out[0]).toMatch(/removed 2 security-log entries last seen before 2024-06-01/);
    const store = await openSqliteStore(path);
    expect((await store.listSecurityEvents()).map((e) => e.kind)).toEqual(['log_pruned']);
    expect((await store.listSecurityLogPrunes()).at(-1)).toMatchObject({ removed: 2, by: 'ada' });
    await store.close();
    for (const bad of [[], ['--older-than', 'ninety days'], ['--older-than', '2h']]) {
      expect(await runDbCommand('prune-log', bad, config, io)).toBe(1);
    }
    expect(err.join('\n')).toMatch(/--older-than 90d/);
  });

  it('brings a new database up to date', async () => {
    const config = { databasePath: freshPath(), databaseUrl: null };
    expect(await runDbCommand('migrate', [], config, io)).toBe(0);
    expect(out[0]).toMatch(/schema up to date/);
  });
});
