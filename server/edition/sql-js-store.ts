import { Kysely } from 'kysely';
import { SqlJsDialect } from 'kysely-wasm';
import initSqlJs from 'sql.js';
import type { Database as Tables } from '../store/sql/database-schema';
import { sqlStore, type SqlStore } from '../store/sql/sql-store-factory';

/**
 * The store over SQLite compiled to WebAssembly (sql.js), opened on a snapshot of a database:
 * the same queries as on the server, for the static edition of a story that runs with no
 * server. `locateFile` says where sql.js finds its .wasm file (a browser loads it lazily).
 */
export async function openSqlJsStore(
  snapshot: Uint8Array,
  options: { locateFile?: (file: string) => string } = {},
): Promise<SqlStore> {
  const SQL = await initSqlJs(options.locateFile ? { locateFile: options.locateFile } : {});
  const database = new SQL.Database(snapshot);
  database.run('PRAGMA foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqlJsDialect({ database }) });
  return sqlStore({
    kind: 'sqlite',
    db,
    sqlite: null,
    notifications: null,
    ready: Promise.resolve(),
    close: () => db.destroy(),
  });
}
