import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledCorpus } from './corpus/corpus-test-kit';
import { startServer, StartupError, type RunningServer } from './start-server';

const dir = mkdtempSync(join(tmpdir(), 'parallax-start-'));
const distDir = join(dir, 'dist');
mkdirSync(distDir);
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Parallax</title><div id="root"></div>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = bundledCorpus();
const start = (databasePath: string) => startServer({ port: 0, host: '127.0.0.1', databasePath, distDir, corpus });

describe('startServer', () => {
  it('seeds a new database, keeps it across a restart, and seeds anew once it is deleted', async () => {
    const databasePath = join(dir, 'data', 'parallax.db');

    const first = await start(databasePath);
    expect(first.seeded).toMatchObject({ stories: 1, articles: 5 });
    const stories = await (await fetch(`${first.url}/api/stories`)).json();
    await first.close();

    const second = await start(databasePath);
    expect(second.seeded).toEqual({ stories: 0, articles: 0, claims: 0, mentions: 0, events: 0 });
    expect(await (await fetch(`${second.url}/api/stories`)).json()).toEqual(stories);
    await second.close();

    rmSync(databasePath);
    rmSync(`${databasePath}-wal`, { force: true });
    rmSync(`${databasePath}-shm`, { force: true });
    const third = await start(databasePath);
    expect(third.seeded).toMatchObject({ stories: 1, articles: 5 });
    await third.close();
  });

  it('serves the SPA for view URLs with a strict content security policy, and JSON for the API', async () => {
    const server = await start(join(dir, 'spa.db'));
    try {
      const page = await fetch(`${server.url}/claims/some-claim?story=x`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("script-src 'self'");
      for (const path of ['/', '/claims/x']) {
        const view = await fetch(`${server.url}${path}`);
        expect([view.status, view.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      }
      const asset = await fetch(`${server.url}/assets/index-0123abcd.js`);
      expect(asset.status).toBe(404);
      expect(await asset.text()).not.toContain('<div id="root">');
      const api = await fetch(`${server.url}/api/nothing`);
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toMatch(/json/);
    } finally {
      await server.close();
    }
  });
});

/** A request with headers fetch would not send (Host), answered with status and body. */
function rawRequest(server: RunningServer, path: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startServer pins its origin', () => {
  it('refuses a foreign Host with 421 and an https Origin on an http deployment with 403', async () => {
    const server = await start(join(dir, 'pinned.db'));
    try {
      const host = new URL(server.url).host;
      expect((await rawRequest(server, '/api/health', { Host: host })).status).toBe(200);
      const rebound = await rawRequest(server, '/api/health', { Host: 'rebound.example' });
      expect(rebound.status).toBe(421);
      expect(JSON.parse(rebound.body).error.code).toBe('misdirected_request');
      expect((await rawRequest(server, '/', { Host: `evil.example:${new URL(server.url).port}` })).status).toBe(421);
      const https = await rawRequest(
        server,
        '/api/session',
        { Host: host, Origin: `https://${host}`, 'Content-Type': 'application/json' },
        'POST',
      );
      expect(https.status).toBe(403);
      expect(JSON.parse(https.body).error.code).toBe('cross_origin');
    } finally {
      await server.close();
    }
  });
});

describe('startServer refuses what it cannot use, naming it', () => {
  const startError = async (databasePath: string, port = 0) => {
    const error = await startServer({ port, host: '127.0.0.1', databasePath, distDir, corpus }).then(
      async (server) => {
        await server.close();
        return null;
      },
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  };

  it('stops on a busy port before it creates or migrates the database', async () => {
    const running = await start(join(dir, 'running.db'));
    try {
      const second = join(dir, 'second', 'parallax.db');
      expect(await startError(second, Number(new URL(running.url).port))).toMatch(
        /port \d+ on 127\.0\.0\.1 is in use: is Parallax already running\?/,
      );
      expect(existsSync(second)).toBe(false);
    } finally {
      await running.close();
    }
  });

  it('names a file that is not a database, a truncated one and one damaged in the middle', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database at all, just text '.repeat(200));
    expect(await startError(garbage)).toBe(
      `Cannot use the database ${garbage}: it is not a SQLite database, or it is damaged; restore it from a backup`,
    );

    const good = join(dir, 'good.db');
    await (await start(good)).close();
    const truncated = join(dir, 'truncated.db');
    copyFileSync(good, truncated);
    truncateSync(truncated, Math.floor(statSync(good).size / 2));
    expect(await startError(truncated)).toContain(`Cannot use the database ${truncated}: it is`);

    const damaged = join(dir, 'damaged.db');
    copyFileSync(good, damaged);
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    // Overwrite two pages in the middle with noise: the header stays valid, the tables do not.
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(readFileSync(damaged).subarray(0, 16).toString()).toBe('SQLite format 3\u0000');
    expect(await startError(damaged)).toMatch(
      new RegExp(`^Cannot use the database ${damaged}: it is (damaged|not a SQLite)`),
    );
  });

  it('names a database path under a file instead of a folder', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const path = join(file, 'parallax.db');
    expect(await startError(path)).toMatch(
      new RegExp(`^Cannot use the database ${path}: its folder ${file} cannot be created \\(E`),
    );
  });
});

describe('the server over one keep-alive connection', () => {
  it('answers the next request after refusing a body that is too large', async () => {
    const server = await start(join(dir, 'keep-alive.db'));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = request(
          `${server.url}${path}`,
          { method, agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {} },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const refused = await send('POST', '/api/session', Buffer.alloc(8 * 1024 * 1024, 0x20));
      expect(refused.status).toBe(413);
      for (let i = 0; i < 3; i += 1) expect((await send('GET', '/api/health')).status).toBe(200);
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
