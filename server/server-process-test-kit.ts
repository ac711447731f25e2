import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export type ServerProcess = { child: ChildProcess; url: string; output: () => string };

/**
 * Real server processes (`npm start` without the build) for tests, on SQLite in a temporary
 * folder or on the PostgreSQL database `databaseUrl` names. `stopAll` kills what is left.
 */
export function serverProcessKit(databaseUrl: string | null = null) {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-process-'));
  const distDir = join(dir, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PARALLAX_DB: join(dir, 'parallax.db'),
    PARALLAX_SKIP_BUILD: '1',
    PARALLAX_DIST: distDir,
    ...(databaseUrl ? { PARALLAX_DATABASE_URL: databaseUrl } : {}),
  };
  delete env.PARALLAX_TRUST_PROXY;
  const running = new Set<ChildProcess>();

  const start = (): Promise<ServerProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let output = '';
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Parallax is serving (http:\/\/[^\s]+?)\/?\n/.exec(output)?.[1];
        if (url) resolve({ child, url, output: () => output });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`the server exited (${code}) before serving:\n${output}`)));
    });
  };

  /** `npm run user -- add NAME --role editor` with the password on stdin. */
  const addEditor = (username: string, password: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', 'add', username, '--role', 'editor'], {
      cwd: root,
      env,
      input: `${password}\n`,
      encoding: 'utf8',
    });

  return {
    env,
    start,
    addEditor,
    async stopAll() {
      for (const child of running) child.kill('SIGKILL');
      await Promise.all([...running].map(exited));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.on('exit', () => resolve()),
  );

/** Signs in over HTTP and returns the session cookie (`name=value`). */
export async function signInOver(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}
