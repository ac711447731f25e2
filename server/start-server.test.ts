import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledCorpus } from './corpus/corpus-test-kit';
import { startServer } from './start-server';

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
      const api = await fetch(`${server.url}/api/nothing`);
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toMatch(/json/);
    } finally {
      await server.close();
    }
  });
});
