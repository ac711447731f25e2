import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import './postgres-test-kit';
import { openPostgresStore, openSqliteStore, type SqlStore } from './sql/sql-store';

/** The engines every store test runs against. */
export const STORE_ENGINES = ['sqlite', 'postgres'] as const;
export type StoreEngineName = (typeof STORE_ENGINES)[number];

/** The shared test server's URL (see postgres-test-kit.ts). */
export const testPostgresUrl = () => inject('postgresUrl');

/** A fresh, empty schema name on the shared test server. */
export const freshSchemaName = () => `test_${randomBytes(6).toString('hex')}`;

/**
 * An empty PostgreSQL store of its own: a fresh schema on the shared test server, dropped
 * when the store closes, so tests never see each other's rows.
 */
export async function testPostgresStore(schema = freshSchemaName()): Promise<SqlStore> {
  const store = await openPostgresStore(testPostgresUrl(), { schema });
  return {
    ...store,
    async close() {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(store.sql.db).catch(() => undefined);
      await store.close();
    },
  };
}

/** An empty store on either engine: SQLite in memory, or PostgreSQL in a fresh schema. */
export function testStore(engine: StoreEngineName = 'sqlite'): Promise<SqlStore> {
  return engine === 'sqlite' ? openSqliteStore(':memory:') : testPostgresStore();
}

/**
 * A new, empty database on the shared test server, for tests that run whole server
 * processes against it (they use the default schema). `drop` removes it.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  const name = freshSchemaName();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testPostgresUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
