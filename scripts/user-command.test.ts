import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../server/auth/password';
import { openSqliteStore } from '../server/store/sql/sql-store';
import type { Store } from '../server/store/store';
import { runUserCommand } from './user-command';

const cheap = { N: 1024, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';

describe('npm run user', () => {
  let store: Store;
  let out: string[];
  let err: string[];
  let passwords: string[];
  const run = (...argv: string[]) =>
    runUserCommand(
      argv,
      store,
      {
        readNewPassword: () => {
          const next = passwords.shift();
          if (next === undefined) return Promise.reject(new Error('no password given'));
          return Promise.resolve(next);
        },
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      },
      { cost: cheap, now: () => new Date('2024-05-06T12:00:00.000Z') },
    );

  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    out = [];
    err = [];
    passwords = [];
  });

  it('adds an account with a hashed password read from the prompt or stdin', async () => {
    passwords = [PASSWORD];
    expect(await run('add', 'Alice', '--role', 'editor')).toBe(0);
    const account = await store.getAccount('alice');
    expect(account).toMatchObject({ username: 'alice', role: 'editor', createdAt: '2024-05-06T12:00:00.000Z' });
    expect(account?.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, account!.passwordHash)).toBe(true);
    expect(out.join('\n')).toMatch(/Created alice \(editor\)/);
  });

  it('never takes a password from the command line', async () => {
    for (const argv of [
      ['add', 'alice', '--role', 'editor', '--password', PASSWORD],
      ['add', 'alice', '--role', 'editor', `--password=${PASSWORD}`],
      ['passwd', 'alice', '-p', PASSWORD],
    ]) {
      expect(await run(...argv)).toBe(1);
    }
    expect(err.join('\n')).toMatch(/never taken from the command line/);
    expect(await store.listAccounts()).toEqual([]);
  });

  it('refuses a bad role, a bad name, a short password, an existing account and stray arguments', async () => {
    expect(await run('add', 'alice', '--role', 'owner')).toBe(1);
    expect(await run('add', 'alice')).toBe(1);
    expect(await run('add', 'Not A Name', '--role', 'editor')).toBe(1);
    passwords = ['short'];
    expect(await run('add', 'alice', '--role', 'editor')).toBe(1);
    expect(await run('add', 'alice', 'bob', '--role', 'editor')).toBe(1);
    expect(await run('add', 'alice', '--role', 'editor', '--admin')).toBe(1);
    expect(await store.listAccounts()).toEqual([]);
    passwords = [PASSWORD, PASSWORD];
    expect(await run('add', 'alice', '--role', 'editor')).toBe(0);
    expect(await run('add', 'alice', '--role', 'admin')).toBe(1);
    expect((await store.getAccount('alice'))?.role).toBe('editor');
    expect(err.join('\n')).toMatch(
      /owner[\s\S]*--role[\s\S]*NAME must[\s\S]*at least 10[\s\S]*unexpected[\s\S]*exists/,
    );
  });

  it('changes a password (ending the sessions), a role, and removes an account', async () => {
    passwords = [PASSWORD, 'a brand new password'];
    await run('add', 'alice', '--role', 'editor');
    await store.createSession({ tokenHash: 'h', username: 'alice', createdAt: 'now', expiresAt: Date.now() + 60_000 });
    expect(await run('passwd', 'alice')).toBe(0);
    expect(await verifyPassword('a brand new password', (await store.getAccount('alice'))!.passwordHash)).toBe(true);
    expect(await store.findSession('h', Date.now())).toBeNull();
    expect(await run('role', 'alice', '--role', 'admin')).toBe(0);
    expect((await store.getAccount('alice'))?.role).toBe('admin');
    expect(await run('list')).toBe(0);
    expect(out.at(-1)).toMatch(/^alice\tadmin\t/);
    expect(await run('remove', 'alice')).toBe(0);
    expect(await store.getAccount('alice')).toBeNull();
    expect(await run('passwd', 'alice')).toBe(1);
    expect(err.at(-1)).toMatch(/no account "alice"/);
  });

  it('prints its usage for --help, and fails with it for nothing or an unknown command', async () => {
    expect(await run('--help')).toBe(0);
    expect(out.join('\n')).toMatch(/npm run user -- add NAME --role editor\|admin\|reader/);
    expect(await run()).toBe(1);
    expect(await run('promote', 'alice')).toBe(1);
  });
});

describe('npm run user, as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-user-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the password from the first line of stdin and writes the account to PARALLAX_DB', async () => {
    const databasePath = join(dir, 'parallax.db');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/user.ts', 'add', 'alice', '--role', 'editor'],
      {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, PARALLAX_DB: databasePath },
        input: `${PASSWORD}\nignored second line\n`,
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created alice/);
    const store = await openSqliteStore(databasePath);
    try {
      expect(await verifyPassword(PASSWORD, (await store.getAccount('alice'))!.passwordHash)).toBe(true);
    } finally {
      await store.close();
    }
  }, 30_000);
});
