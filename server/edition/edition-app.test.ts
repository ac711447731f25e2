import { describe, expect, it } from 'vitest';
import { createTestApi } from '../api/api-test-kit';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { READ_ONLY_MESSAGE, createEditionApp } from './edition-app';
import { openSqlJsStore } from './sql-js-store';
import { snapshotStory } from './story-snapshot';

const corpus = bundledCorpus();
const storyId = corpus.stories[0]!.story.id;
const claimId = corpus.stories[0]!.claims[0]!.id;

describe('the API of a static edition, over a snapshot in SQLite compiled to WebAssembly', { timeout: 30_000 }, () => {
  it('answers reads as the server does, published verdicts included, and refuses every change', async () => {
    const live = await createTestApi({ corpus });
    const alice = await live.signIn('alice');
    expect(
      (await live.patchVerdict(claimId, { status: 'false', note: 'No.' }, { cookie: alice, ifMatch: '"1"' })).status,
    ).toBe(200);
    await live.store.updatePublication({
      claimId,
      expectedVersion: 1,
      state: 'published',
      editor: 'alice',
      at: '2024-05-06T12:00:00.000Z',
    });

    const snapshot = await snapshotStory(live.store, storyId);
    const store = await openSqlJsStore(snapshot);
    expect(store.sql.sqlite).toBeNull();
    const edition = createEditionApp(store, {
      desk: { name: 'Desk', url: 'https://desk.example/', publishedUrl: null },
    });

    for (const path of [
      `/api/stories/${storyId}`,
      `/api/claims/${claimId}/history`,
      `/api/claims/${claimId}/publication`,
    ]) {
      const [ours, theirs] = await Promise.all([edition.request(path), live.app.request(path)]);
      expect(ours.status, path).toBe(200);
      expect(await ours.json(), path).toEqual(await theirs.json());
    }
    // As plain JSON even to a client that accepts gzip: a service worker passes no content coding on.
    const plain = await edition.request(`/api/stories/${storyId}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(((await plain.json()) as { story: { id: string } }).story.id).toBe(storyId);
    const article = corpus.stories[0]!.articles[0]!;
    expect(await (await edition.request(`/api/articles/${article.id}`)).json()).toMatchObject({ body: article.body });
    const review = (await (await edition.request(`http://edition.test/api/claims/${claimId}/claimreview`)).json()) as {
      reviewRating: { alternateName: string };
    };
    expect(review.reviewRating.alternateName).toBe('False');

    const refused = await edition.request(`/api/claims/${claimId}/verdict`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"2"' },
      body: JSON.stringify({ status: 'verified' }),
    });
    expect(refused.status).toBe(405);
    expect(await refused.json()).toEqual({ error: { code: 'read_only', message: READ_ONLY_MESSAGE } });
    expect((await edition.request('/api/session', { method: 'POST' })).status).toBe(405);
    // A session of the live desk on the same host signs nobody in to the edition.
    const session = await edition.request('/api/session', { headers: { Cookie: alice } });
    expect(await session.json()).toEqual({ user: null, readOnly: true });
    expect(await (await live.app.request('/api/session', { headers: { Cookie: alice } })).json()).toMatchObject({
      user: { username: 'alice' },
    });
    await store.close();
  });
});
