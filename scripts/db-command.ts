import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { describeDatabase, openStore, type DatabaseConfig } from '../server/store/open-store';
import { copyDatabase } from '../server/store/sql/copy-database';
import { MIGRATION_NAMES } from '../server/store/sql/migrations';
import { openPostgresStore, openSqliteStore } from '../server/store/sql/sql-store';

export const DB_USAGE = `Database operations (PARALLAX_DATABASE_URL, else PARALLAX_DB, names the database).

  npm run db:migrate                                  bring the schema up to date (safe while others start)
  npm run db:backup -- --to FILE                      copy a SQLite desk while it runs (online backup)
  npm run db:copy -- --from FILE --to postgres://…    move a SQLite desk into an empty PostgreSQL database
  npm run db:prune-log -- --older-than 90d            remove security-log entries older than that (recorded)`;

export type DbIo = { out(line: string): void; err(line: string): void; now?: () => Date; user?: string };

const DURATION = /^(\d+)(d|h)$/;

/** Runs one database command; returns the process exit code. */
export async function runDbCommand(command: string, argv: string[], config: DatabaseConfig, io: DbIo): Promise<number> {
  const fail = (message: string) => {
    io.err(`error: ${message}`);
    io.err('');
    io.err(DB_USAGE);
    return 1;
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { to: { type: 'string' }, from: { type: 'string' }, 'older-than': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  const now = io.now ?? (() => new Date());

  if (command === 'migrate') {
    const store = await openStore(config);
    await store.close();
    io.out(`${describeDatabase(config)}: schema up to date (${MIGRATION_NAMES.length} steps)`);
    return 0;
  }

  if (command === 'backup') {
    const to = values.to;
    if (typeof to !== 'string') return fail('name the backup file: --to FILE');
    if (config.databaseUrl) {
      return fail(
        'a PostgreSQL database is backed up with its own tools: pg_dump --format=custom "$PARALLAX_DATABASE_URL"',
      );
    }
    if (existsSync(to)) return fail(`${to} exists; name a new file`);
    const store = await openSqliteStore(config.databasePath);
    try {
      // SQLite's online backup API: a consistent copy while the server keeps writing.
      await store.sql.sqlite!.backup(to);
    } finally {
      await store.close();
    }
    io.out(`backed up ${config.databasePath} to ${to}`);
    return 0;
  }

  if (command === 'copy') {
    const { from, to } = values;
    if (typeof from !== 'string' || !existsSync(from)) return fail('name the SQLite desk to copy: --from FILE');
    if (typeof to !== 'string' || !/^postgres(ql)?:\/\//.test(to)) return fail('name the target: --to postgres://…');
    const source = await openSqliteStore(from);
    try {
      const target = await openPostgresStore(to);
      try {
        const counts = await copyDatabase(source, target);
        io.out(`copied ${from} to ${describeDatabase({ databasePath: from, databaseUrl: to })}:`);
        for (const [table, n] of Object.entries(counts)) io.out(`  ${table}: ${n}`);
      } finally {
        await target.close();
      }
    } catch (error) {
      return fail((error as Error).message);
    } finally {
      await source.close();
    }
    return 0;
  }

  if (command === 'prune-log') {
    const match = DURATION.exec(String(values['older-than'] ?? ''));
    if (!match) return fail('say how old an entry must be to go: --older-than 90d (days) or 48h (hours)');
    const amount = Number(match[1]);
    const hours = match[2] === 'd' ? amount * 24 : amount;
    if (hours < 24) return fail('keep at least a day of the security log: --older-than 1d or more');
    const at = now();
    const cutoff = new Date(at.getTime() - hours * 3_600_000);
    const store = await openStore(config);
    try {
      const by = io.user ?? safeUserName();
      const removed = await store.pruneSecurityLog({ cutoff: cutoff.toISOString(), at: at.toISOString(), by });
      io.out(`removed ${removed} security-log entries last seen before ${cutoff.toISOString()} (recorded, by ${by})`);
    } finally {
      await store.close();
    }
    return 0;
  }

  return fail(`unknown command "${command}"`);
}

function safeUserName() {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
