import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema';
import type { EngineKind } from './engine';

/** How a table's rows name their story: directly, or through the claim, article or mention they belong to. */
type StoryLink = 'story' | 'claim' | 'article' | 'mention';

const LINKS: readonly StoryLink[] = ['story', 'claim', 'article', 'mention'];

/** The version's own tables and passing state, which never change a story. */
const UNVERSIONED = new Set([
  'story_versions',
  'story_changes',
  'change_log',
  'kysely_migration',
  'kysely_migration_lock',
]);

export type VersionedTable = { table: string; link: StoryLink; key: string[]; columns: string[] };

/**
 * The tables whose rows belong to a story: every table with a `story`, `claim`, `article` or
 * `mention` column, with its primary key (the changed row's name in the change list).
 */
export function versionedTables(tables: { name: string; columns: string[]; key: string[] }[]): VersionedTable[] {
  const found: VersionedTable[] = [];
  for (const { name, columns, key } of tables) {
    if (UNVERSIONED.has(name) || name.startsWith('sqlite_')) continue;
    const link = LINKS.find((column) => columns.includes(column));
    if (link)
      found.push({ table: name, link, key: key.length > 0 ? key : columns.includes('id') ? ['id'] : [], columns });
  }
  return found;
}

/**
 * Keeps every story's version in the database itself: after every insert, update or delete of
 * a row of a story, a trigger bumps `story_versions` and lists the row in `story_changes` under
 * the new version, in the same transaction as the change. Run after the migrations, on every
 * start, so a table any later step adds is versioned too without its writers doing anything.
 */
export async function keepStoryVersions(db: Kysely<Database>, kind: EngineKind, schema: string | undefined) {
  if (kind === 'sqlite') await keepSqliteStoryVersions(db);
  else await keepPostgresStoryVersions(db, schema ?? 'public');
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function keepSqliteStoryVersions(db: Kysely<Database>) {
  await db.transaction().execute(async (trx) => {
    const { rows: names } = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(trx);
    const tables = [];
    for (const { name } of names) {
      const { rows } = await sql<{ name: string; pk: number }>`
        SELECT name, pk FROM pragma_table_info(${name})`.execute(trx);
      const key = rows
        .filter((row) => row.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((row) => row.name);
      tables.push({ name, columns: rows.map((row) => row.name), key });
    }
    for (const versioned of versionedTables(tables)) {
      for (const op of ['insert', 'update', 'delete'] as const) {
        await sql.raw(sqliteTrigger(versioned, op)).execute(trx);
      }
    }
  });
}

function sqliteTrigger({ table, link, key, columns }: VersionedTable, op: 'insert' | 'update' | 'delete'): string {
  const row = op === 'delete' ? 'OLD' : 'NEW';
  const column = (name: string) => `${row}.${quote(name)}`;
  const story =
    link === 'story'
      ? column('story')
      : `(SELECT story FROM ${link === 'claim' ? 'claims' : link === 'article' ? 'articles' : 'mentions'} WHERE id = ${column(link)})`;
  const item = key.length > 0 ? key.map((name) => `CAST(${column(name)} AS TEXT)`).join(` || ':' || `) : `''`;
  // The change list names the claim and the article a row belongs to, when the row names them.
  const named = (noun: 'claim' | 'article') =>
    table === `${noun}s` ? column('id') : columns.includes(noun) ? column(noun) : 'NULL';
  return `CREATE TRIGGER IF NOT EXISTS ${quote(`story_version_${table}_${op}`)}
    AFTER ${op.toUpperCase()} ON ${quote(table)} WHEN ${story} IS NOT NULL
    BEGIN
      INSERT INTO story_versions (story, epoch, version) VALUES (${story}, lower(hex(randomblob(8))), 1)
        ON CONFLICT (story) DO UPDATE SET version = version + 1;
      INSERT INTO story_changes (story, version, entity, item, claim, article)
        SELECT story, version, ${literal(table)}, ${item}, ${named('claim')}, ${named('article')}
        FROM story_versions WHERE story = ${story};
    END`;
}

async function keepPostgresStoryVersions(db: Kysely<Database>, schema: string) {
  await db.transaction().execute(async (trx) => {
    // Processes starting together install each trigger once.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`parallax-story-versions:${schema}`}))`.execute(trx);
    await sql.raw(POSTGRES_FUNCTION).execute(trx);
    const { rows: columns } = await sql<{ table: string; column: string }>`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = ${schema} ORDER BY table_name, ordinal_position`.execute(trx);
    const { rows: keys } = await sql<{ table: string; column: string }>`
      SELECT k.table_name AS table, k.column_name AS column
      FROM information_schema.table_constraints t
      JOIN information_schema.key_column_usage k
        ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema AND k.table_name = t.table_name
      WHERE t.table_schema = ${schema} AND t.constraint_type = 'PRIMARY KEY'
      ORDER BY k.table_name, k.ordinal_position`.execute(trx);
    const { rows: existing } = await sql<{ name: string }>`
      SELECT t.tgname AS name FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema}`.execute(trx);
    const installed = new Set(existing.map((row) => row.name));
    const byTable = new Map<string, { name: string; columns: string[]; key: string[] }>();
    for (const { table, column } of columns) {
      const entry = byTable.get(table) ?? { name: table, columns: [], key: [] };
      entry.columns.push(column);
      byTable.set(table, entry);
    }
    for (const { table, column } of keys) byTable.get(table)?.key.push(column);
    for (const { table, link, key } of versionedTables([...byTable.values()])) {
      const name = `story_version_${table}`;
      if (installed.has(name)) continue;
      const args = [link, ...key].map(literal).join(', ');
      await sql
        .raw(
          `CREATE TRIGGER ${quote(name)} AFTER INSERT OR UPDATE OR DELETE ON ${quote(table)}
           FOR EACH ROW EXECUTE FUNCTION parallax_story_version(${args})`,
        )
        .execute(trx);
    }
  });
}

/** The PostgreSQL trigger function: its arguments are the story link and the primary key columns. */
const POSTGRES_FUNCTION = `CREATE OR REPLACE FUNCTION parallax_story_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  s text;
  v bigint;
  item text := '';
BEGIN
  IF TG_ARGV[0] = 'story' THEN s := r->>'story';
  ELSIF TG_ARGV[0] = 'claim' THEN SELECT story INTO s FROM claims WHERE id = r->>'claim';
  ELSIF TG_ARGV[0] = 'article' THEN SELECT story INTO s FROM articles WHERE id = r->>'article';
  ELSE SELECT story INTO s FROM mentions WHERE id = r->>'mention';
  END IF;
  IF s IS NULL THEN RETURN NULL; END IF;
  INSERT INTO story_versions AS sv (story, epoch, version) VALUES (s, md5(random()::text || s), 1)
    ON CONFLICT (story) DO UPDATE SET version = sv.version + 1
    RETURNING sv.version INTO v;
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    item := item || CASE WHEN i > 1 THEN ':' ELSE '' END || coalesce(r->>TG_ARGV[i], '');
  END LOOP;
  INSERT INTO story_changes (story, version, entity, item, claim, article) VALUES (
    s, v, TG_TABLE_NAME, item,
    CASE WHEN TG_TABLE_NAME = 'claims' THEN r->>'id' ELSE r->>'claim' END,
    CASE WHEN TG_TABLE_NAME = 'articles' THEN r->>'id' ELSE r->>'article' END);
  RETURN NULL;
END $$`;
