import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** A database the server cannot use, with a message that names the file and what to do. */
export class DatabaseUnusableError extends Error {
  constructor(path: string, problem: string) {
    super(`Cannot use the database ${path}: ${problem}`);
    this.name = 'DatabaseUnusableError';
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Checks the database file before the server opens and migrates it: its folder can be made
 * and written, the file is a SQLite database, `PRAGMA quick_check` finds it whole (damage in
 * the middle of a file is otherwise found only when a query reaches it), and it can be
 * written. Each failure stops the start with the file's name instead of a stack trace.
 */
export function checkDatabaseFile(path: string): void {
  if (path === ':memory:') return;
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DatabaseUnusableError(path, `its folder ${folder} cannot be created (${codeOf(error)})`);
  }
  if (!statSync(folder).isDirectory()) throw new DatabaseUnusableError(path, `${folder} is not a folder`);
  if (existsSync(path) && !statSync(path).isFile()) throw new DatabaseUnusableError(path, 'it is not a file');
  try {
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new DatabaseUnusableError(
      path,
      `it is read-only (${codeOf(error)}); Parallax writes to the file and beside it (its -wal and -shm files)`,
    );
  }
  if (!existsSync(path)) return;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 5_000 });
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems[0] !== 'ok') {
      throw new DatabaseUnusableError(
        path,
        `it is damaged (${problems.slice(0, 3).join('; ')}); restore it from a backup`,
      );
    }
    // A read-only file system shows only on writing.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
  } catch (error) {
    if (error instanceof DatabaseUnusableError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseUnusableError(path, 'it is not a SQLite database, or it is damaged; restore it from a backup');
    }
    if (code.startsWith('SQLITE_READONLY')) throw new DatabaseUnusableError(path, 'it is read-only');
    if (code === 'SQLITE_BUSY') throw new DatabaseUnusableError(path, 'another program holds it locked');
    throw new DatabaseUnusableError(path, `${(error as Error).message} (${code || 'unknown error'})`);
  } finally {
    db?.close();
  }
}
