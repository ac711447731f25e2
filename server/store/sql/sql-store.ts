import type { Store } from '../store';
import { accountQueries } from './account-queries';
import { changeLogQueries } from './change-log-queries';
import { eventQueries } from './event-queries';
import { claimDeskQueries } from './claim-desk-queries';
import { openPostgresEngine, openSqliteEngine, type PostgresOptions, type SqlEngine } from './engine';
import { publicationQueries } from './publication-queries';
import { securityLogQueries } from './security-log-queries';
import { storyDeskQueries } from './story-desk-queries';
import { storyOverviewQueries } from './story-overview-queries';
import { storyQueries } from './story-queries';
import { storyVersionQueries } from './story-version-queries';
import { verdictQueries } from './verdict-queries';

export type SqlStore = Store & { readonly sql: SqlEngine };

/**
 * The store over either engine: each concern's queries are written once, against the typed
 * query builder. A new store method is added to its concern's file and its interface in
 * store.ts, and both engines have it.
 */
export function sqlStore(engine: SqlEngine): SqlStore {
  return {
    engine: engine.kind,
    sql: engine,
    ...storyQueries(engine.db),
    ...verdictQueries(engine.db),
    ...accountQueries(engine.db, engine.kind),
    ...securityLogQueries(engine.db),
    ...changeLogQueries(engine.db, engine),
    ...eventQueries(engine.db),
    ...storyVersionQueries(engine.db),
    ...claimDeskQueries(engine.db),
    ...storyDeskQueries(engine.db),
    ...publicationQueries(engine.db),
    ...storyOverviewQueries(engine.db),
    close: () => engine.close(),
  };
}

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
