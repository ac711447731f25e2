import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storyOverviewSchema } from '@/domain/schemas';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { openSqliteStore } from '../store/sql/sql-store';
import { createTestApi } from './api-test-kit';
import { createStoryReadCache } from './story-read-cache';

const STORY = 'rafah-scg-2024';
const OVERVIEW = `/api/stories/${STORY}/overview`;

async function setUp(maxBytes?: number) {
  const store = await openSqliteStore(':memory:');
  await store.seed(bundledCorpus());
  const storyReads = createStoryReadCache(maxBytes);
  const api = await createTestApi({ store, storyReads });
  let loads = 0;
  const getStoryOverview = store.getStoryOverview.bind(store);
  store.getStoryOverview = (storyId) => {
    loads += 1;
    return getStoryOverview(storyId);
  };
  return { store, api, storyReads, loads: () => loads };
}

describe('story reads kept serialized per story version', () => {
  it('reads the overview once per version and sends it gzipped to a client that accepts gzip, as JSON otherwise', async () => {
    const { api, loads } = await setUp();
    const plain = await api.app.request(OVERVIEW);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const etag = plain.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"overview\./);
    const json = await plain.text();
    storyOverviewSchema.parse(JSON.parse(json));

    const zipped = await api.app.request(OVERVIEW, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.headers.get('etag')).toBe(`W/${etag}`);
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(json.length / 3);
    expect(gunzipSync(body).toString()).toBe(json);
    // Refused gzip: JSON as it is.
    const refused = await api.app.request(OVERVIEW, { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(loads()).toBe(1);
    // A revalidation is answered without the body, whichever form the browser holds.
    expect((await api.app.request(OVERVIEW, { headers: { 'If-None-Match': `W/${etag}` } })).status).toBe(304);
  });

  it('never serves the overview of an older version: any change to the story is read anew', async () => {
    const { store, api, loads } = await setUp();
    const before = storyOverviewSchema.parse(await (await api.app.request(OVERVIEW)).json());
    const cell = before.cells[0]!;
    const stance = cell.stance === 'contradicts' ? 'supports' : 'contradicts';
    // Even a write that bypasses the API bumps the version, and so the key.
    await sql`UPDATE mentions SET stance = ${stance} WHERE id = ${cell.id}`.execute(store.sql.db);
    const after = storyOverviewSchema.parse(await (await api.app.request(OVERVIEW)).json());
    expect(after.cells.find((c) => c.id === cell.id)?.stance).toBe(stance);
    expect(after.version.version).toBeGreaterThan(before.version.version);
    expect(loads()).toBe(2);
  });

  it('keeps at most its size, dropping the entry of a version once a newer one is stored', async () => {
    const { store, api, storyReads } = await setUp();
    await api.app.request(OVERVIEW);
    const one = storyReads.size;
    expect(one).toBeGreaterThan(0);
    await sql`UPDATE claims SET text = text || '.' WHERE story = ${STORY}`.execute(store.sql.db);
    await api.app.request(OVERVIEW);
    expect(storyReads.size).toBeLessThan(one * 1.5);

    // Only the compressed bytes count: a story whose JSON alone is larger than the cache is still kept.
    const plain = await setUp();
    const json = (await (await plain.api.app.request(OVERVIEW)).arrayBuffer()).byteLength;
    const small = await setUp(Math.ceil(json / 2));
    expect((await small.api.app.request(OVERVIEW)).status).toBe(200);
    expect(small.storyReads.size).toBeGreaterThan(0);
    expect(small.storyReads.size).toBeLessThan(json / 3);
    expect((await (await small.api.app.request(OVERVIEW)).arrayBuffer()).byteLength).toBe(json);
    expect(small.loads()).toBe(1);

    const tiny = await setUp(1024);
    expect((await tiny.api.app.request(OVERVIEW)).status).toBe(200);
    expect(tiny.storyReads.size).toBe(0);
  });

  it('answers 404 naming the story for a story that does not exist', async () => {
    const { api } = await setUp();
    const response = await api.app.request('/api/stories/no-such-story/overview');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { field: 'story' } });
  });
});
