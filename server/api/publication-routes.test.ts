import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiErrorSchema, publicationEntrySchema, publicationSchema } from '@/domain/schemas';
import { expandSafely } from '../publishing/json-ld-test-kit';
import { createTestApi } from './api-test-kit';
import type { FeedEvent } from './change-feed';

type Api = Awaited<ReturnType<typeof createTestApi>>;

async function errorOf(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  const body = apiErrorSchema.parse(await response.json());
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

const publish = (api: Api, claim: string, state: string, { cookie, ifMatch }: { cookie?: string; ifMatch?: string }) =>
  Promise.resolve(
    api.app.request(`/api/claims/${claim}/publication`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: cookie } : {}),
        ...(ifMatch ? { 'If-Match': ifMatch } : {}),
      },
      body: JSON.stringify({ state }),
    }),
  );

describe('publishing a verdict', () => {
  let api: Api;
  let alice: string;
  let events: FeedEvent[];
  beforeEach(async () => {
    api = await createTestApi({ desk: { name: 'Fixture Desk', url: 'https://desk.example/', publishedUrl: null } });
    alice = await api.signIn('alice');
    events = [];
    api.changes.subscribe(
      (event) => events.push(event),
      () => undefined,
    );
    const verdict = await api.patchVerdict(
      'meet-again',
      { status: 'verified', note: 'Both readouts say so.' },
      { cookie: alice, ifMatch: '"1"' },
    );
    expect(verdict.status).toBe(200);
  });

  it('reads as unpublished at version 1 until an editor publishes it', async () => {
    const response = await api.app.request('/api/claims/meet-again/publication');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(publicationSchema.parse(await response.json())).toMatchObject({ state: 'unpublished', version: 1 });
    await errorOf(await api.app.request('/api/claims/meet-again/claimreview'), 404, 'claim');
  });

  it('publishes and withdraws with If-Match, each change on record and announced live', async () => {
    const published = await publish(api, 'meet-again', 'published', { cookie: alice, ifMatch: '"1"' });
    expect(published.status).toBe(200);
    expect(published.headers.get('etag')).toBe('"2"');
    expect(publicationSchema.parse(await published.json())).toMatchObject({
      state: 'published',
      version: 2,
      editor: 'alice',
      at: '2024-05-06T12:00:00.000Z',
      verdictVersion: 2,
      firstPublishedAt: '2024-05-06T12:00:00.000Z',
    });
    expect(events.map((event) => event.name)).toEqual(['verdict', 'publication']);

    api.clock.now += 60_000;
    const withdrawn = await publish(api, 'meet-again', 'withdrawn', { cookie: alice, ifMatch: '"2"' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.headers.get('etag')).toBe('"3"');
    await errorOf(await api.app.request('/api/claims/meet-again/claimreview'), 410, 'claim');

    const history = z
      .array(publicationEntrySchema)
      .parse(await (await api.app.request('/api/claims/meet-again/publication/history')).json());
    expect(history.map(({ from, to, editor, version }) => ({ from, to, editor, version }))).toEqual([
      { from: 'unpublished', to: 'published', editor: 'alice', version: 2 },
      { from: 'published', to: 'withdrawn', editor: 'alice', version: 3 },
    ]);
  });

  it('refuses without a session, for a reader, without If-Match, with a stale version, and for an unreviewed verdict', async () => {
    await errorOf(await publish(api, 'meet-again', 'published', { ifMatch: '"1"' }), 401);
    const rita = await api.signIn('rita');
    await errorOf(await publish(api, 'meet-again', 'published', { cookie: rita, ifMatch: '"1"' }), 403);
    await errorOf(await publish(api, 'meet-again', 'published', { cookie: alice }), 428, 'If-Match');
    await errorOf(await publish(api, 'deal', 'published', { cookie: alice, ifMatch: '"1"' }), 409, 'state');
    await errorOf(await publish(api, 'meet-again', 'withdrawn', { cookie: alice, ifMatch: '"1"' }), 409, 'state');
    await errorOf(await publish(api, 'meet-again', 'hidden', { cookie: alice, ifMatch: '"1"' }), 400, 'state');
    expect((await publish(api, 'meet-again', 'published', { cookie: alice, ifMatch: '"1"' })).status).toBe(200);
    const stale = await publish(api, 'meet-again', 'withdrawn', { cookie: alice, ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    // Nothing refused was stored.
    const history = z
      .array(publicationEntrySchema)
      .parse(await (await api.app.request('/api/claims/meet-again/publication/history')).json());
    expect(history).toHaveLength(1);
    expect(events.map((event) => event.name)).toEqual(['verdict', 'publication']);
  });

  describe('GET /api/claims/:id/claimreview', () => {
    const reviewOf = async () => {
      expect((await publish(api, 'meet-again', 'published', { cookie: alice, ifMatch: '"1"' })).status).toBe(200);
      const response = await api.app.request('http://parallax.test/api/claims/meet-again/claimreview');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      return (await response.json()) as Record<string, unknown> & {
        reviewRating: Record<string, unknown>;
        itemReviewed: Record<string, unknown> & { appearance: Record<string, unknown>[] };
        author: Record<string, unknown>;
      };
    };

    it("has the fields Google's fact-check documentation requires and recommends", async () => {
      const review = await reviewOf();
      // Required: claimReviewed, reviewRating (with alternateName), url, author.
      expect(review).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: 'The sides will meet again soon.',
        url: 'http://parallax.test/claims/meet-again/',
        author: { '@type': 'Organization', name: 'Fixture Desk', url: 'https://desk.example/' },
        datePublished: '2024-05-06T12:00:00.000Z',
      });
      expect(review.reviewRating).toEqual({
        '@type': 'Rating',
        alternateName: 'Verified',
        ratingValue: 4,
        worstRating: 1,
        bestRating: 4,
        ratingExplanation: 'Both readouts say so.',
      });
      // Recommended: the claim, where it appeared, first and by whom.
      expect(review.itemReviewed).toMatchObject({
        '@type': 'Claim',
        author: [{ '@type': 'Organization', name: 'Outlet One' }],
        datePublished: '2024-04-11',
        firstAppearance: { '@type': 'NewsArticle', headline: 'Article 1', datePublished: '2024-04-11' },
      });
      expect(review.itemReviewed.appearance.map((a) => a.headline)).toEqual(['Article 1', 'Article 2']);
      expect(review.itemReviewed.appearance[0]).toMatchObject({
        url: 'http://parallax.test/?story=fixture-story&panes=art-a',
        publisher: { '@type': 'Organization', name: 'Outlet One', url: 'https://one.example/' },
      });
    });

    it('expands as JSON-LD with the schema.org context, every term known', async () => {
      const review = await reviewOf();
      const [node] = await expandSafely(review);
      expect(node?.['@type']).toEqual(['http://schema.org/ClaimReview']);
      expect(node).toHaveProperty(['http://schema.org/claimReviewed']);
      expect(node).toHaveProperty(['http://schema.org/itemReviewed']);
      expect(JSON.stringify(node)).toContain('http://schema.org/firstAppearance');
      // A misspelt term or type does not pass.
      await expect(expandSafely({ ...review, claimReveiwed: 'x' })).rejects.toThrow();
      await expect(expandSafely({ ...review, '@type': 'ClaimReveiw' })).rejects.toThrow();
    });
  });
});
