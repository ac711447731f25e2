import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { Database as Tables } from './database-schema';
import { MIGRATION_NAMES, migrationProvider } from './migrations';
import { keepStoryVersions } from './story-version-triggers';

export type EngineKind = 'sqlite' | 'postgres';

/**
 * One database behind the typed query builder. Everything the two engines do differently at
 * run time is in this file: how a connection is opened and tuned, how a writing transaction
 * takes its lock, and how the schema is brought up to date.
 */
export type SqlEngine = {
  kind: EngineKind;
  db: Kysely<Tables>;
  /** The better-sqlite3 handle, for SQLite's own tools (pragmas, online backup); null on PostgreSQL. */
  sqlite: Database.Database | null;
  /** PostgreSQL's LISTEN/NOTIFY, for changes other processes make; null on SQLite. */
  notifications: Notifications | null;
  /** Resolves once the schema is current; rejects when the database cannot be used. */
  ready: Promise<void>;
  close(): Promise<void>;
};

export type Notifications = {
  /** The channel of this database (and schema). */
  channel: string;
  /**
   * Listens on the channel on a connection of its own, reconnecting when it drops; resolves,
   * once listening, to the function that stops.
   */
  listen(onNotify: (payload: string) => Promise<void>): Promise<() => Promise<void>>;
};

/**
 * Writing transactions on SQLite start with BEGIN IMMEDIATE: the write lock is taken before the
 * first read, so a version read is the version replaced, even with another process on the
 * file, and no transaction fails half way on a lock upgrade. A read-only transaction is a
 * plain (deferred) BEGIN, which in WAL mode reads one snapshot without blocking writers.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    const begin = settings?.accessMode === 'read only' ? 'begin' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

/** SQLite runs DDL in transactions, so each migration step is all or nothing. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl() {
    return true;
  }
}

class ParallaxSqliteDialect extends SqliteDialect {
  readonly #database: Database.Database;
  constructor(database: Database.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Opens (creating if needed) a SQLite file, or `:memory:`, with the durability every acknowledged change relies on. */
export function openSqliteEngine(path: string): SqlEngine {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new ParallaxSqliteDialect(sqlite) });
  const ready = (async () => {
    adoptLegacySqliteSchema(sqlite);
    await runMigrations(db, undefined);
  })();
  return engine('sqlite', db, sqlite, null, ready);
}

export type PostgresOptions = {
  /** The schema Parallax's tables live in; `public` unless a test isolates itself. */
  schema?: string;
  maxConnections?: number;
};

// BIGINT (counts, milliseconds) arrives as a number, as on SQLite; Parallax's values fit in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function openPostgresEngine(url: string, options: PostgresOptions = {}): SqlEngine {
  const schema = options.schema ?? 'public';
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its server (a restart) must not crash the process; the pool reconnects.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const ready = (async () => {
    if (schema !== 'public') {
      // CREATE SCHEMA IF NOT EXISTS is not safe against itself: processes starting together
      // on a new schema serialize on a transaction-scoped advisory lock first.
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`parallax-schema:${schema}`}))`.execute(trx);
        await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(trx);
      });
    }
    await runMigrations(db, schema);
  })();
  const notifications = postgresNotifications(url, schema);
  return engine('postgres', db, null, notifications, ready);
}

function engine(
  kind: EngineKind,
  db: Kysely<Tables>,
  sqlite: Database.Database | null,
  notifications: Notifications | null,
  ready: Promise<void>,
): SqlEngine {
  // The store awaits `ready` before use; an unobserved failure must not crash the process first.
  ready.catch(() => undefined);
  return { kind, db, sqlite, notifications, ready, close: () => db.destroy() };
}

function postgresNotifications(url: string, schema: string): Notifications {
  const channel = schema === 'public' ? 'parallax_changes' : `parallax_changes_${schema}`;
  return {
    channel,
    async listen(onNotify) {
      let stopped = false;
      let client: pg.Client | null = null;
      let retry: NodeJS.Timeout | null = null;
      // Notifications are handled one at a time, so they reach the feed in commit order.
      let queue = Promise.resolve();
      const connect = async () => {
        const next = new pg.Client({ connectionString: url });
        next.on('notification', (message) => {
          queue = queue
            .then(() => onNotify(message.payload ?? ''))
            .catch((error: unknown) => {
              console.error('could not relay a change from another process:', error);
            });
        });
        next.on('error', (error) => {
          console.error('PostgreSQL change listener lost its connection:', error.message);
          void next.end().catch(() => undefined);
          if (!stopped && client === next) retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
        });
        await next.connect();
        await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        client = next;
      };
      await connect();
      return async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        await client?.end().catch(() => undefined);
        await queue;
      };
    },
  };
}

/**
 * Runs the steps not yet applied. On PostgreSQL the Migrator holds an advisory lock while it
 * works, so processes starting together apply each step once; on SQLite its transaction is
 * BEGIN IMMEDIATE, which serializes them the same way.
 */
async function runMigrations(db: Kysely<Tables>, schema: string | undefined) {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(schema === undefined ? 'sqlite' : 'postgres'),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const known = new Set(MIGRATION_NAMES);
  const newer = (await executedMigrationNames(db, schema)).filter((name) => !known.has(name));
  if (newer.length > 0) {
    throw new Error(`the database schema (${newer.join(', ')}) is newer than this Parallax; upgrade Parallax`);
  }
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('the schema migration failed', { cause: error });
  await keepStoryVersions(db, schema === undefined ? 'sqlite' : 'postgres', schema);
}

async function executedMigrationNames(db: Kysely<Tables>, schema: string | undefined): Promise<string[]> {
  const table = schema === undefined ? sql.table('kysely_migration') : sql.table(`${schema}.kysely_migration`);
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM ${table}`.execute(db);
    return rows.map((row) => row.name);
  } catch {
    return []; // no migration table yet: a new database
  }
}

/**
 * SQLite desks created before the shared SQL layer counted their steps in PRAGMA user_version.
 * Record those steps as applied, under the names the Migrator knows, so they are not rerun.
 */
function adoptLegacySqliteSchema(sqlite: Database.Database) {
  const version = sqlite.pragma('user_version', { simple: true });
  if (typeof version !== 'number' || version === 0) return;
  if (version > 4) {
    throw new Error(`database schema version ${version} is newer than this Parallax (4); upgrade Parallax`);
  }
  sqlite
    .transaction(() => {
      sqlite.exec(`CREATE TABLE IF NOT EXISTS kysely_migration (
        name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`);
      const record = sqlite.prepare('INSERT OR IGNORE INTO kysely_migration (name, timestamp) VALUES (?, ?)');
      const at = new Date().toISOString();
      for (const name of MIGRATION_NAMES.slice(0, version)) record.run(name, at);
      sqlite.pragma('user_version = 0');
    })
    .immediate();
}
