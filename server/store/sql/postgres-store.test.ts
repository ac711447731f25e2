import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture-corpus';
import { describeStoreContract } from '../store-contract';
import { freshSchemaName, testPostgresStore, testPostgresUrl } from '../store-test-kit';
import { MIGRATION_NAMES } from './migrations';
import { openPostgresStore } from './sql-store';

describeStoreContract('postgres', () => testPostgresStore());

describe('postgres store', () => {
  it('migrates once when several processes start on a new database together', async () => {
    const schema = freshSchemaName();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore(testPostgresUrl(), { schema, maxConnections: 2 })),
    );
    const { rows } = await sql<{
      name: string;
    }>`SELECT name FROM ${sql.table(`${schema}.kysely_migration`)} ORDER BY name`.execute(stores[0]!.sql.db);
    expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    // All of them seed the corpus at once too: each row once, and the sum of reports is one seeding.
    const reports = await Promise.all(stores.map((store) => store.seed(fixtureCorpus())));
    expect(reports.reduce((sum, r) => sum + r.claims, 0)).toBe(2);
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(stores[0]!.sql.db);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('refuses a database written by a newer schema', async () => {
    const store = await testPostgresStore();
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'x')`.execute(
      store.sql.db,
    );
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(store.sql.db)).rows[0]!.s;
    await expect(openPostgresStore(testPostgresUrl(), { schema })).rejects.toThrow(/newer than this Parallax/);
    await store.close();
  });
});
