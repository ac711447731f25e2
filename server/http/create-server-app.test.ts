import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../corpus/corpus-test-kit';
import { openSqliteStore, type SqlStore } from '../store/sql/sql-store';
import { createServerApp } from './create-server-app';

const dist = mkdtempSync(join(tmpdir(), 'parallax-dist-'));
const script = `export const app = ${JSON.stringify('x'.repeat(4000))};\n`;
const html = `<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body>${' '.repeat(2000)}</body></html>`;
let store: SqlStore;
let app: ReturnType<typeof createServerApp>;

const writeEncoded = (path: string, text: string) => {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text, { level: 9 }));
};

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeEncoded(join(dist, 'index.html'), html);
  writeEncoded(join(dist, 'assets', 'app-abc123.js'), script);
  store = await openSqliteStore(':memory:');
  await store.seed(fixtureCorpus());
  app = createServerApp(store, dist);
});
afterAll(async () => {
  await store.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  Promise.resolve(app.request(`http://127.0.0.1${path}`, { headers }));

describe('the server over HTTP', () => {
  it('sends a hashed asset precompressed with brotli or gzip, immutable, varying by encoding', async () => {
    const br = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(script.length / 10);

    const gzip = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);

    const plain = await get('/assets/app-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(script);
  });

  it('sends the page precompressed and always revalidated, for / and for every view', async () => {
    for (const path of ['/', '/matrix']) {
      const page = await get(path, { 'Accept-Encoding': 'br, gzip' });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(['br', 'gzip']).toContain(page.headers.get('content-encoding'));
      expect(page.headers.get('vary')).toMatch(/accept-encoding/i);
    }
  });

  it('gzips API answers as they are sent, revalidated, and answers 304 to a story read it already sent', async () => {
    const story = await get('/api/stories/fixture-story', { 'Accept-Encoding': 'gzip, br' });
    expect(story.status).toBe(200);
    expect(story.headers.get('content-encoding')).toBe('gzip');
    expect(story.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(story.headers.get('cache-control')).toBe('no-cache');
    const etag = story.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"bundle\./);
    const body: unknown = JSON.parse(gunzipSync(Buffer.from(await story.arrayBuffer())).toString());
    expect(body).toMatchObject({ story: { id: 'fixture-story' } });

    const again = await get('/api/stories/fixture-story', { 'Accept-Encoding': 'gzip, br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);

    const stories = await get('/api/stories', { 'Accept-Encoding': 'gzip' });
    expect(stories.headers.get('cache-control')).toBe('no-cache');
  });
});
