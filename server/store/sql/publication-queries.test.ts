import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture-corpus';
import { STORE_ENGINES, testStore } from '../store-test-kit';
import type { SqlStore } from './sql-store';

describe.each(STORE_ENGINES)('publications on %s', (engine) => {
  let store: SqlStore;
  afterEach(async () => {
    await store.close();
  });

  const change = (expectedVersion: number, state: 'published' | 'withdrawn', editor = 'alice') =>
    store.updatePublication({ claimId: 'deal', expectedVersion, state, editor, at: '2024-05-01T10:00:00.000Z' });

  it('publishes with a version check, one change of concurrent ones winning, each on record', async () => {
    store = await testStore(engine);
    await store.seed(fixtureCorpus());
    expect(await store.getPublication('deal')).toMatchObject({ state: 'unpublished', version: 1 });
    expect(await store.getPublication('nothing')).toBeNull();
    const results = await Promise.all([change(1, 'published', 'alice'), change(1, 'published', 'bob')]);
    expect(results.map((result) => result.kind).sort()).toEqual(['stale', 'updated']);
    expect((await change(2, 'withdrawn')).kind).toBe('updated');
    expect((await change(2, 'published')).kind).toBe('stale');
    expect(await store.getPublication('deal')).toMatchObject({
      state: 'withdrawn',
      version: 3,
      firstPublishedAt: '2024-05-01T10:00:00.000Z',
      verdictVersion: 1,
    });
    expect((await store.listPublicationHistory('deal')).map((entry) => [entry.from, entry.to])).toEqual([
      ['unpublished', 'published'],
      ['published', 'withdrawn'],
    ]);
    expect(await store.listStoryPublications('fixture-story')).toHaveLength(1);
    await expect(sql.raw("UPDATE publication_audit SET editor = 'mallory'").execute(store.sql.db)).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(sql.raw('DELETE FROM publication_audit').execute(store.sql.db)).rejects.toThrow(/cannot be deleted/);
  });
});
