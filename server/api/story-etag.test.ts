import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fixtureCorpus } from '../corpus/corpus-test-kit';
import type { SqlStore } from '../store/sql/sql-store';
import { STORE_ENGINES, testStore } from '../store/store-test-kit';
import { createTestApi } from './api-test-kit';
import { noneMatch } from './story-etag';

const STORY = '/api/stories/fixture-story';

describe.each(STORE_ENGINES)('story reads revalidated by version, on %s', (engine) => {
  let store: SqlStore;
  afterEach(async () => {
    await store.close();
  });

  const setUp = async () => {
    store = await testStore(engine);
    return createTestApi({ store });
  };

  it('sends a strong ETag with no-cache, and 304 without a body for If-None-Match naming it', async () => {
    const api = await setUp();
    const first = await api.app.request(STORY);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"bundle\.\d+\.[0-9a-f]+\.\d+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');

    const again = await api.app.request(STORY, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // As a compressed answer sends it back: the weak form of the same tag.
    expect((await api.app.request(STORY, { headers: { 'If-None-Match': `W/${etag}` } })).status).toBe(304);
    expect((await api.app.request(STORY, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('changes the ETag with every change to the story, whichever way it is written', async () => {
    const api = await setUp();
    const etagNow = async () => (await api.app.request(STORY)).headers.get('etag');
    const seen = [await etagNow()];

    const alice = await api.signIn('alice');
    const patched = await api.patchVerdict(
      'deal',
      { status: 'disputed', note: 'No.' },
      { cookie: alice, ifMatch: '"1"' },
    );
    expect(patched.status).toBe(200);
    seen.push(await etagNow());

    // Straight through the store, and even in plain SQL: no write path has to remember the version.
    const { claims } = fixtureCorpus().stories[0]!;
    await store.addClaim({ ...claims[0]!, id: 'new-claim', text: 'Something new.' });
    seen.push(await etagNow());
    await sql`UPDATE mentions SET stance = 'contradicts' WHERE id = 'm-b-deal'`.execute(store.sql.db);
    seen.push(await etagNow());
    await sql`DELETE FROM passages WHERE story = 'fixture-story'`.execute(store.sql.db);
    seen.push(await etagNow());

    expect(new Set(seen).size).toBe(seen.length);
    const stale = await api.app.request(STORY, { headers: { 'If-None-Match': seen[0]! } });
    expect(stale.status).toBe(200);
  });

  it('lists what changed since a version, with the claim and article of each changed row', async () => {
    const api = await setUp();
    const before = (await store.getStoryVersion('fixture-story'))!;
    await sql`UPDATE mentions SET stance = 'contradicts' WHERE id = 'm-b-deal'`.execute(store.sql.db);
    const alice = await api.signIn('alice');
    await api.patchVerdict('deal', { status: 'disputed', note: 'No.' }, { cookie: alice, ifMatch: '"1"' });

    const since = await store.listStoryChanges('fixture-story', before, 100);
    expect(since?.kind).toBe('changes');
    if (since?.kind !== 'changes') return;
    expect(since.current.version).toBeGreaterThan(before.version);
    expect(since.changes.map((change) => change.version)).toEqual(
      [...since.changes.map((change) => change.version)].sort((a, b) => a - b),
    );
    expect(since.changes).toContainEqual(
      expect.objectContaining({ entity: 'mentions', item: 'm-b-deal', claim: 'deal' }),
    );
    expect(since.changes).toContainEqual(expect.objectContaining({ entity: 'claims', item: 'deal', claim: 'deal' }));
    expect(since.changes).toContainEqual(expect.objectContaining({ entity: 'verdict_audit', claim: 'deal' }));

    // Another database's version, or too much to list: read everything again.
    expect((await store.listStoryChanges('fixture-story', { epoch: 'elsewhere', version: 1 }, 100))?.kind).toBe(
      'unknown',
    );
    expect((await store.listStoryChanges('fixture-story', before, 1))?.kind).toBe('unknown');
    expect(await store.listStoryChanges('no-such-story', before, 100)).toBeNull();
  });
});

describe('If-None-Match', () => {
  it('compares tags weakly, in lists and with *', () => {
    expect(noneMatch('"a", W/"b"', '"b"')).toBe('W/"b"');
    expect(noneMatch('*', '"b"')).toBe('"b"');
    expect(noneMatch('"a"', '"b"')).toBeNull();
    expect(noneMatch(undefined, '"b"')).toBeNull();
  });
});
