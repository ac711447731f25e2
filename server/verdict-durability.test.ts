import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { auditEntrySchema, claimSchema, storyBundleSchema, storySummarySchema } from '@/domain/schemas';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'parallax-durability-'));
const distDir = join(dir, 'dist');
mkdirSync(distDir);
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Parallax</title>');
const databasePath = join(dir, 'parallax.db');
const env = { ...process.env, PARALLAX_DB: databasePath, PARALLAX_SKIP_BUILD: '1', PARALLAX_DIST: distDir };
const PASSWORD = 'a durable password';

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the real server process (`npm start` without the build) and waits for its address. */
function startServerProcess(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
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
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.on('exit', () => resolve()),
  );

type Ack = { claim: string; version: number; note: string };

describe('durability of acknowledged verdict changes', () => {
  it('keeps every change acknowledged with a 2xx, and its audit entry, through a SIGKILL', async () => {
    const first = await startServerProcess();
    // A fresh database: the server says how to create the first editor, which works while it runs.
    await expect.poll(first.output).toMatch(/npm run user -- add YOUR-NAME --role admin/);
    const added = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/user.ts', 'add', 'alice', '--role', 'editor'],
      {
        cwd: root,
        env,
        input: `${PASSWORD}\n`,
        encoding: 'utf8',
      },
    );
    expect(added.status, added.stderr).toBe(0);

    const signIn = await fetch(`${first.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;

    const [summary] = z.array(storySummarySchema).parse(await (await fetch(`${first.url}/api/stories`)).json());
    const bundle = storyBundleSchema.parse(await (await fetch(`${first.url}/api/stories/${summary!.id}`)).json());
    const claims = bundle.claims.slice(0, 4);

    const acks: Ack[] = [];
    let killed = false;
    const stream = async (claim: (typeof claims)[number], worker: number) => {
      let version = claim.verdict.version;
      for (let i = 0; ; i += 1) {
        const note = `worker ${worker}, change ${i}`;
        let response: Response;
        try {
          response = await fetch(`${first.url}/api/claims/${claim.id}/verdict`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', Cookie: cookie, 'If-Match': `"${version}"` },
            body: JSON.stringify({ status: i % 2 ? 'disputed' : 'verified', note }),
          });
        } catch {
          return; // the server is gone
        }
        if (!response.ok) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        const updated = claimSchema.parse(await response.json());
        version = updated.verdict.version;
        acks.push({ claim: claim.id, version, note });
        if (acks.length >= 60 && !killed) {
          killed = true;
          first.child.kill('SIGKILL'); // mid-stream: the other workers have requests in flight
        }
      }
    };
    await Promise.all(claims.map(stream));
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(60);

    const second = await startServerProcess();
    try {
      for (const claim of claims) {
        const history = z
          .array(auditEntrySchema)
          .parse(await (await fetch(`${second.url}/api/claims/${claim.id}/history`)).json());
        const current = claimSchema.parse(await (await fetch(`${second.url}/api/claims/${claim.id}`)).json());
        const acked = acks.filter((ack) => ack.claim === claim.id);
        for (const ack of acked) {
          expect(history.find((entry) => entry.version === ack.version)?.to.note).toBe(ack.note);
        }
        // Nothing half-written: the verdict is the last entry of its history, versions without gaps.
        expect(history.map((entry) => entry.version)).toEqual(history.map((_, i) => claim.verdict.version + i + 1));
        expect(current.verdict.version).toBe(history.at(-1)?.version ?? claim.verdict.version);
        expect(current.verdict.note).toBe(history.at(-1)?.to.note ?? claim.verdict.note);
        expect(current.verdict.version).toBeGreaterThanOrEqual(Math.max(0, ...acked.map((ack) => ack.version)));
      }
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 60_000);
});
