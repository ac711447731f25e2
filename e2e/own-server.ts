import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * A real server on a fresh database of a spec's own, with accounts made by `npm run user`
 * before it starts, so that a spec can sign editors in, change data, and kill and restart
 * the server without touching the shared test server. It serves the build the shared test
 * server made (PARALLAX_DIST, else dist/).
 */

const root = fileURLToPath(new URL('..', import.meta.url));
export const E2E_PASSWORD = 'an editor password';

export type OwnServer = { child: ChildProcess; url: string; port: number };

export function createOwnServer(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `parallax-e2e-${name}-`));
  const env = {
    ...process.env,
    PARALLAX_DB: join(dir, 'parallax.db'),
    PARALLAX_SKIP_BUILD: '1',
    PARALLAX_DIST: process.env.PARALLAX_DIST ?? join(root, 'dist'),
  };

  return {
    /** The SQLite file the server keeps its data in. */
    databasePath: env.PARALLAX_DB,
    /** Starts the server (on `port`, or any free one) and resolves once it serves. */
    start(port = 0): Promise<OwnServer> {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: root,
        env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      return new Promise((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Parallax is serving (http:\/\/127\.0\.0\.1:(\d+))\//.exec(output);
          if (match) resolve({ child, url: match[1]!, port: Number(match[2]) });
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`the server exited (${code}) before serving:\n${output}`)));
      });
    },

    async stop({ child }: OwnServer, signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill(signal);
      await exited;
    },

    /** Creates an account with `npm run user`, the password on stdin as the README says. */
    addAccount(username: string, role: 'reader' | 'editor' | 'admin') {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/user.ts', 'add', username, '--role', role],
        { cwd: root, env, input: `${E2E_PASSWORD}\n`, encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`npm run user failed: ${result.stderr}`);
    },

    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
