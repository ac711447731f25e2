import { statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqlStore } from '../store/sql/sql-store';
import { testPostgresStore } from '../store/store-test-kit';
import { createTestApi } from './api-test-kit';

const dir = mkdtempSync(join(tmpdir(), 'parallax-security-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the database takes on disk: the SQLite file after a checkpoint, or the log table on PostgreSQL. */
async function bytesOf(store: SqlStore, path: string | null): Promise<number> {
  if (path) {
    store.sql.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(path).size;
  }
  const { rows } = await sql<{ bytes: number }>`SELECT pg_total_relation_size('security_log') AS bytes`.execute(
    store.sql.db,
  );
  return Number(rows[0]!.bytes);
}

describe.each(['sqlite', 'postgres'] as const)('the security log on %s', (engine) => {
  it('grows by less than 2 MB for 2,000 refused requests with 14 KB Origins', async () => {
    const path = engine === 'sqlite' ? join(dir, 'flood.db') : null;
    const store = path ? await openSqliteStore(path) : await testPostgresStore();
    const api = await createTestApi({ store });
    const before = await bytesOf(store, path);
    const filler = 'a'.repeat(14_000);
    for (let batch = 0; batch < 40; batch += 1) {
      const statuses = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const response = await api.app.request('/api/session', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: `https://${batch}-${i}-${filler}.example` },
            body: '{}',
          });
          return response.status;
        }),
      );
      expect(statuses.every((s) => s === 403)).toBe(true);
    }
    const refused = (await store.listSecurityEvents()).filter((e) => e.kind === 'change_refused');
    expect(refused.reduce((n, e) => n + e.occurrences, 0)).toBe(2_000);
    const grown = (await bytesOf(store, path)) - before;
    console.log(`${engine}: 2,000 refused requests grew the database by ${(grown / 1024).toFixed(0)} KiB`);
    expect(grown).toBeLessThan(2 * 1024 * 1024);
    await store.close();
  }, 120_000);

  it('keeps one entry, counted, for a flood of identical refusals', async () => {
    const store = engine === 'sqlite' ? await openSqliteStore(':memory:') : await testPostgresStore();
    const api = await createTestApi({ store });
    for (let i = 0; i < 100; i += 1) {
      const response = await api.app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
        body: '{}',
      });
      expect(response.status).toBe(403);
    }
    expect((await store.listSecurityEvents()).filter((e) => e.kind === 'change_refused')).toEqual([
      expect.objectContaining({ occurrences: 100 }),
    ]);
    await store.close();
  });
});
