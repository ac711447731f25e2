import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES, migrationProvider } from './migrations';
import { openSqliteStore } from './sql-store';

const dir = mkdtempSync(join(tmpdir(), 'parallax-audit-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EVENT = JSON.stringify({
  id: 'e1',
  story: 's',
  title: 'A meeting',
  kind: 'meeting',
  format: 'virtual',
  status: 'held',
  date: { precision: 'day', start: '2024-04-18', end: '2024-04-18', basis: 'stated', derivedFrom: null },
  participants: [],
  mentions: [],
});

const BEFORE = MIGRATION_NAMES[MIGRATION_NAMES.indexOf('0019-one-audit') - 1] as string;

/** A database as the step before one history table left it, with entries in all three old tables. */
async function databaseBeforeOneAudit(path: string) {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(path) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateTo(BEFORE);
  if (error) throw error instanceof Error ? error : new Error('the migration failed', { cause: error });
  await sql`INSERT INTO stories (id, title, summary) VALUES ('s', 'A story', 'Its summary')`.execute(db);
  await sql`INSERT INTO story_audit (story, object_kind, object_id, version, action, editor, at, before_json, after_json)
    VALUES ('s', 'story', 's', 1, 'created', 'ann', '2024-05-01T10:00:00.000Z', NULL, '{"id":"s"}')`.execute(db);
  await sql`INSERT INTO desk_audit (story, object_kind, object_id, related, version, action, editor, at, before_json, after_json, undoes)
    VALUES ('s', 'claim', 'c1', NULL, 1, 'created', 'ann', '2024-05-01T10:01:00.000Z', NULL, '{"id":"c1"}', NULL)`.execute(
    db,
  );
  await sql`INSERT INTO event_audit (event, story, version, action, editor, at, from_event, to_event)
    VALUES ('e1', 's', 1, 'created', 'bob', '2024-05-01T10:02:00.000Z', NULL, ${EVENT})`.execute(db);
  // An undo of the claim's creation, which must keep pointing at that entry under its new id.
  await sql`INSERT INTO desk_audit (story, object_kind, object_id, related, version, action, editor, at, before_json, after_json, undoes)
    VALUES ('s', 'claim', 'c1', NULL, 2, 'removed', 'ann', '2024-05-01T10:03:00.000Z', '{"id":"c1"}', NULL, 1)`.execute(
    db,
  );
  await db.destroy();
}

describe('the one desk history (0019-one-audit)', () => {
  it('takes every entry of the three old tables, in time order, with undo links kept, and drops them', async () => {
    const path = join(dir, 'before.db');
    await databaseBeforeOneAudit(path);

    const store = await openSqliteStore(path);
    try {
      const { rows } = await sql<{
        id: number;
        object_kind: string;
        object_id: string;
        action: string;
        undoes: number | null;
      }>`SELECT id, object_kind, object_id, action, undoes FROM audit ORDER BY id`.execute(store.sql.db);
      expect(rows.map((r) => [r.object_kind, r.object_id, r.action])).toEqual([
        ['story', 's', 'created'],
        ['claim', 'c1', 'created'],
        ['event', 'e1', 'created'],
        ['claim', 'c1', 'removed'],
      ]);
      expect(rows[3]?.undoes).toBe(rows[1]?.id);

      const { rows: tables } = await sql<{ name: string }>`
        SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('story_audit', 'desk_audit', 'event_audit')`.execute(
        store.sql.db,
      );
      expect(tables).toEqual([]);

      expect((await store.listStoryAudit('s')).map((e) => [e.objectId, e.action, e.editor])).toEqual([
        ['s', 'created', 'ann'],
      ]);
      expect((await store.listEventHistory('e1')).map((e) => [e.action, e.editor])).toEqual([['created', 'bob']]);
    } finally {
      await store.close();
    }
  });
});
