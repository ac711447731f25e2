import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema';
import type { SqlStore } from './sql-store';

/**
 * The tables a desk's data lives in, parents before children, each in its stored order. The
 * sign-in throttle and the change log are passing state and stay behind.
 */
const COPIED: readonly { table: keyof Database; order: string; identity?: string }[] = [
  { table: 'outlets', order: 'rowid' },
  { table: 'actors', order: 'rowid' },
  { table: 'stories', order: 'rowid' },
  { table: 'articles', order: 'rowid' },
  { table: 'claims', order: 'rowid' },
  { table: 'mentions', order: 'rowid' },
  { table: 'spans', order: 'mention, ordinal' },
  { table: 'events', order: 'rowid' },
  { table: 'passages', order: 'rowid' },
  { table: 'accounts', order: 'username' },
  { table: 'sessions', order: 'token_hash' },
  { table: 'verdict_audit', order: 'id', identity: 'id' },
  { table: 'security_log', order: 'id', identity: 'id' },
  { table: 'security_log_prunes', order: 'id', identity: 'id' },
  { table: 'suggestion_rejections', order: 'rowid' },
  { table: 'audit', order: 'id', identity: 'id' },
  { table: 'article_versions', order: 'article, version' },
  { table: 'span_changes', order: 'id', identity: 'id' },
  { table: 'evidence_changes', order: 'id', identity: 'id' },
];

const BATCH = 200;

type Row = Record<string, unknown>;

/**
 * Copies every row of a desk into an empty database, all or nothing, keeping audit and log ids
 * as they were. Rows pass through as stored; both sides have the same schema, so this is the
 * one place Parallax writes SQL by hand rather than through the typed builder.
 */
export async function copyDatabase(source: SqlStore, target: SqlStore): Promise<Record<string, number>> {
  const { n: existing } = await target.sql.db
    .selectFrom('stories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const accounts = (await target.listAccounts()).length;
  if (Number(existing) > 0 || accounts > 0) throw new Error('the target database is not empty; copy into a new one');

  const counts: Record<string, number> = {};
  await target.sql.db.transaction().execute(async (trx) => {
    for (const { table, order, identity } of COPIED) {
      const { rows } = await sql<Row>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(order)}`.execute(
        source.sql.db,
      );
      counts[table] = rows.length;
      for (let start = 0; start < rows.length; start += BATCH) {
        await insertRows(trx, table, rows.slice(start, start + BATCH), target.engine === 'postgres' && !!identity);
      }
      if (identity && target.engine === 'postgres' && rows.length > 0) {
        // Identity columns go on from the highest copied id.
        await sql`SELECT setval(pg_get_serial_sequence(${table}, ${identity}), (SELECT max(${sql.ref(identity)}) FROM ${sql.table(table)}))`.execute(
          trx,
        );
      }
    }
  });
  return counts;
}

async function insertRows(db: Kysely<Database>, table: string, rows: Row[], keepIdentity: boolean) {
  const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'rowid');
  if (columns.length === 0) return;
  const values = rows.map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
    ${keepIdentity ? sql`OVERRIDING SYSTEM VALUE` : sql``} VALUES ${sql.join(values)}`.execute(db);
}
