import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);

export type TestPostgres = { url: string; stop(): Promise<void> };

/** Where Debian and Ubuntu put the server binaries; the newest version present wins. */
function postgresBinDir(): string | null {
  if (process.env.PARALLAX_POSTGRES_BIN) return process.env.PARALLAX_POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server for the tests: the one `PARALLAX_TEST_DATABASE_URL` names, or a
 * throwaway cluster initialised in a temporary folder, listening on a free port of 127.0.0.1
 * and removed by `stop`. initdb refuses to run as root, so under root the cluster belongs to
 * the `postgres` user. Durability against a crash of the server itself is not what these
 * tests examine, so the throwaway cluster skips fsync.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.PARALLAX_TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => Promise.resolve() };

  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'The tests need PostgreSQL: install its server binaries (Debian/Ubuntu: `apt-get install postgresql`) ' +
        'or point PARALLAX_TEST_DATABASE_URL at a database the tests may fill.',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  const as = (command: string, args: string[]) =>
    prefix.length > 0
      ? run(prefix[0]!, [...prefix.slice(1), join(bin, command), ...args])
      : run(join(bin, command), args);

  const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
  // The cluster's owner must be able to create its data folder and socket here.
  if (asRoot) chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    await as('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL from ${bin}: ${(error as Error).message}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server every test file of the run shares (each store in its own schema). */
    postgresUrl: string;
  }
}

/** Vitest's global setup: one PostgreSQL server for the whole test run, not one per file. */
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
