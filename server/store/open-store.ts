import { openPostgresStore, openSqliteStore, type SqlStore } from './sql/sql-store';

export type DatabaseConfig = {
  /** The SQLite file, used when no server database is named. */
  databasePath: string;
  /** `postgres://…`: several processes share it. */
  databaseUrl: string | null;
};

/** The store the configuration names: PostgreSQL when a URL is given, else the SQLite file. */
export function openStore(config: DatabaseConfig): Promise<SqlStore> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(config.databasePath);
}

/** Where the data is, for start-up messages: never the password of a URL. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.databaseUrl) return config.databasePath;
  const url = new URL(config.databaseUrl);
  url.password = url.password ? '***' : '';
  return url.toString();
}
