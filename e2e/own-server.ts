import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, APIResponse, TestType } from '@playwright/test';

/*
 * A real server on a fresh database of a spec's own, with accounts made by `npm run user`
 * before it starts, so that a spec can sign editors in, change data, and kill and restart
 * the server without touching the shared test server. It serves the build the shared test
 * server made (PARALLAX_DIST, else dist/).
 */

const root = fileURLToPath(new URL('..', import.meta.url));
export const E2E_PASSWORD = 'an editor password';

export type OwnServer = { child: ChildProcess; url: string; port: number };

export type Role = 'reader' | 'editor' | 'admin';

/** Waits until the server answers /api/health, so a spec never meets a server still starting. */
async function waitForHealth(url: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url}/api/health did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function createOwnServer(name: string, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `parallax-e2e-${name}-`));
  const env = {
    ...process.env,
    ...extraEnv,
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
          if (!match) return;
          child.stdout.off('data', onData);
          child.stderr.off('data', onData);
          const url = match[1]!;
          waitForHealth(url).then(() => resolve({ child, url, port: Number(match[2]) }), reject);
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
    addAccount(username: string, role: Role) {
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

type AnyTest = TestType<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type OwnServerKit = {
  /** The running server (throws before beforeAll has started it). */
  readonly server: OwnServer;
  readonly url: string;
  /** The SQLite file the server keeps its data in. */
  readonly databasePath: string;
  /** Stops the running server (SIGKILL to crash it) and starts it again, on the same port by default. */
  restart(options?: { signal?: NodeJS.Signals; port?: number }): Promise<OwnServer>;
  /** Stops the server before the spec ends (afterAll then only cleans up). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Signs `username` in through the API on `request` (a page's or a context's), sending the server's Origin. */
  signIn(request: APIRequestContext, username: string): Promise<APIResponse>;
};

/**
 * A server of the spec's own, on a free loopback port with a fresh temporary database: the
 * accounts are made before it starts, it is started in beforeAll and answers /api/health
 * before any test runs, and it is stopped and its database removed in afterAll.
 */
export function withOwnServer(
  test: AnyTest,
  name: string,
  options: { accounts?: Record<string, Role>; env?: Record<string, string> } = {},
): OwnServerKit {
  const own = createOwnServer(name, options.env);
  let running: OwnServer | undefined;

  test.beforeAll(async () => {
    for (const [username, role] of Object.entries(options.accounts ?? {})) own.addAccount(username, role);
    running = await own.start();
  });
  test.afterAll(async () => {
    if (running) await own.stop(running, 'SIGTERM');
    running = undefined;
    own.remove();
  });

  const current = () => {
    if (!running) throw new Error(`the ${name} server is not running`);
    return running;
  };
  return {
    get server() {
      return current();
    },
    get url() {
      return current().url;
    },
    databasePath: own.databasePath,
    async restart({ signal = 'SIGTERM', port }: { signal?: NodeJS.Signals; port?: number } = {}) {
      const was = current();
      await own.stop(was, signal);
      running = undefined;
      running = await own.start(port ?? was.port);
      return running;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (running) await own.stop(running, signal);
      running = undefined;
    },
    async signIn(request: APIRequestContext, username: string) {
      const url = current().url;
      return request.post(`${url}/api/session`, {
        data: { username, password: E2E_PASSWORD },
        headers: { Origin: url },
      });
    },
  };
}
