import { openPostgresEngine, openSqliteEngine, type PostgresOptions, type SqlEngine } from './engine';
import { sqlStore, type SqlStore } from './sql-store-factory';

// The store over an engine is built in sql-store-factory.ts (no driver imported there).
export { sqlStore, type SqlStore } from './sql-store-factory';

async function whenReady(engine: SqlEngine): Promise<SqlStore> {
  try {
    await engine.ready;
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw error;
  }
  return sqlStore(engine);
}

/** The embedded store: one SQLite file in WAL mode, or `:memory:` for tests and the mock API. */
export function openSqliteStore(path: string): Promise<SqlStore> {
  return whenReady(openSqliteEngine(path));
}

/** The shared store: a PostgreSQL database that any number of Parallax processes use at once. */
export function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<SqlStore> {
  return whenReady(openPostgresEngine(url, options));
}
