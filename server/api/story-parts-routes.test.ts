import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  passageSchema,
  storyBundleSchema,
  storyChangesSchema,
  storyEvidenceSchema,
  storyOverviewSchema,
  type StoryBundle,
} from '@/domain/schemas';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { openSqliteStore, type SqlStore } from '../store/sql/sql-store';
import { createTestApi } from './api-test-kit';

const STORY = 'rafah-scg-2024';
let api: Awaited<ReturnType<typeof createTestApi>>;
let bundle: StoryBundle;
let store: SqlStore;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await store.seed(bundledCorpus());
  api = await createTestApi({ store });
  bundle = storyBundleSchema.parse(await (await api.app.request(`/api/stories/${STORY}`)).json());
});

const get = (path: string, headers: Record<string, string> = {}) => Promise.resolve(api.app.request(path, { headers }));

describe('GET /api/stories/:story/overview', () => {
  it('carries claims, article metadata, a stance cell per mention, events, topics and counts, but no evidence', async () => {
    const response = await get(`/api/stories/${STORY}/overview`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const overview = storyOverviewSchema.parse(JSON.parse(text));
    expect(overview.claims).toEqual(bundle.claims);
    expect(overview.articles).toEqual(bundle.articles);
    expect(overview.events).toEqual(bundle.events);
    expect(overview.outlets).toEqual(bundle.outlets);
    expect(overview.actors).toEqual(bundle.actors);
    expect(overview.cells).toEqual(bundle.mentions.map(({ spans: _spans, basis: _basis, ...cell }) => cell));
    expect(overview.topics).toEqual([...new Set(bundle.claims.map((claim) => claim.topic))]);
    expect(overview.counts).toEqual({
      articles: bundle.articles.length,
      claims: bundle.claims.length,
      mentions: bundle.mentions.length,
      events: bundle.events.length,
      passages: bundle.passages.length,
    });
    // Evidence text only as the quotes of mentions that events cite, which the timeline words its reports by.
    const cited = new Set(bundle.events.flatMap((event) => event.mentions));
    const uncited = bundle.mentions.find((mention) => !cited.has(mention.id))!;
    expect(text).not.toContain(JSON.stringify(uncited.spans[0]!.exact));
    const citedMention = bundle.mentions.find((mention) => cited.has(mention.id))!;
    expect(overview.eventQuotes?.[citedMention.id]).toEqual(citedMention.spans.map((span) => span.exact));
    expect(Object.keys(overview.eventQuotes ?? {}).every((id) => cited.has(id))).toBe(true);
    expect(text.length).toBeLessThan(JSON.stringify(bundle).length);
  });

  it('is revalidated by the story version: 304 until the story changes', async () => {
    const first = await get(`/api/stories/${STORY}/overview`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"overview\./);
    expect((await get(`/api/stories/${STORY}/overview`, { 'If-None-Match': etag })).status).toBe(304);
    const alice = await api.signIn('alice');
    const claim = bundle.claims[0]!;
    const patched = await api.patchVerdict(
      claim.id,
      { status: 'disputed', note: 'Denied.' },
      { cookie: alice, ifMatch: `"${claim.verdict.version}"` },
    );
    expect(patched.status).toBe(200);
    const after = await get(`/api/stories/${STORY}/overview`, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(storyOverviewSchema.parse(await after.json()).claims[0]?.verdict.status).toBe('disputed');
  });

  it('answers 404 naming the story for an unknown one', async () => {
    const response = await get('/api/stories/no-such-story/overview');
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(await response.json()).error.field).toBe('story');
  });
});

describe('GET /api/stories/:story/evidence', () => {
  it("sends a claim's, an article's and one cell's mentions with their evidence, and an article's passages", async () => {
    const claim = bundle.mentions[0]!.claim;
    const article = bundle.mentions[0]!.article;
    const read = async (query: string) => {
      const response = await get(`/api/stories/${STORY}/evidence?${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toMatch(/^"evidence\./);
      return storyEvidenceSchema.parse(await response.json());
    };
    const byClaim = await read(`claim=${claim}`);
    expect(byClaim.mentions).toEqual(bundle.mentions.filter((m) => m.claim === claim));
    expect(byClaim.passages).toEqual([]);
    const byArticle = await read(`article=${article}`);
    expect(byArticle.mentions).toEqual(bundle.mentions.filter((m) => m.article === article));
    expect(byArticle.passages).toEqual(bundle.passages.filter((p) => p.spans.some((s) => s.article === article)));
    const byCell = await read(`claim=${claim}&article=${article}`);
    expect(byCell.mentions).toEqual(bundle.mentions.filter((m) => m.claim === claim && m.article === article));
  });

  it('leaves out what the whole story leaves out: a removed article, its places in passages, mentions left without evidence', async () => {
    // A passage in two articles only: removing one of them leaves it standing nowhere twice.
    const pair = bundle.passages.find((p) => new Set(p.spans.map((s) => s.article)).size === 2)!;
    const [gone, kept] = [...new Set(pair.spans.map((s) => s.article))] as [string, string];
    const bare = bundle.mentions.find((m) => m.article === kept)!;
    const db = store.sql.db;
    await sql`UPDATE articles SET removed_at = '2024-06-01T00:00:00Z' WHERE id = ${gone}`.execute(db);
    // Every span of a mention unanchored by a new version: the mention has no evidence left.
    await sql`DELETE FROM spans WHERE mention = ${bare.id}`.execute(db);

    const whole = storyBundleSchema.parse(await (await get(`/api/stories/${STORY}`)).json());
    expect(whole.mentions.map((m) => m.id)).not.toContain(bare.id);
    const overview = storyOverviewSchema.parse(await (await get(`/api/stories/${STORY}/overview`)).json());
    expect(overview.cells).toEqual(whole.mentions.map(({ spans: _spans, basis: _basis, ...cell }) => cell));
    expect(overview.events).toEqual(whole.events);
    for (const article of whole.articles) {
      const evidence = storyEvidenceSchema.parse(
        await (await get(`/api/stories/${STORY}/evidence?article=${article.id}`)).json(),
      );
      expect(evidence.mentions).toEqual(whole.mentions.filter((m) => m.article === article.id));
      expect(evidence.passages).toEqual(whole.passages.filter((p) => p.spans.some((s) => s.article === article.id)));
    }
    const claim = storyEvidenceSchema.parse(
      await (await get(`/api/stories/${STORY}/evidence?claim=${bare.claim}`)).json(),
    );
    expect(claim.mentions).toEqual(whole.mentions.filter((m) => m.claim === bare.claim));
    expect((await get(`/api/stories/${STORY}/passages/${pair.id}`)).status).toBe(404);
  });

  it('refuses a request that names no scope, or an unknown parameter, naming the field', async () => {
    for (const [query, field] of [
      ['', 'claim'],
      ['claim=Not%20An%20Id', 'claim'],
      ['mention=x', 'mention'],
    ] as const) {
      const response = await get(`/api/stories/${STORY}/evidence?${query}`);
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(await response.json()).error.field).toBe(field);
    }
  });
});

describe('GET /api/stories/:story/passages/:passage', () => {
  it('sends one shared passage with every place it stands in, or 404 naming what is missing', async () => {
    const passage = bundle.passages[0]!;
    const found = await get(`/api/stories/${STORY}/passages/${passage.id}`);
    expect(found.status).toBe(200);
    expect(passageSchema.parse(await found.json())).toEqual(passage);
    for (const [path, status, field] of [
      [`/api/stories/${STORY}/passages/no-such-passage`, 404, 'passage'],
      [`/api/stories/no-such-story/passages/${passage.id}`, 404, 'story'],
      [`/api/stories/${STORY}/passages/Not%20An%20Id`, 400, 'passage'],
    ] as const) {
      const response = await get(path);
      expect(response.status).toBe(status);
      expect(apiErrorSchema.parse(await response.json()).error.field).toBe(field);
    }
  });
});

describe('GET /api/stories/:story/changes', () => {
  it('lists what changed since the version a page holds, and says when it must read everything again', async () => {
    const overview = storyOverviewSchema.parse(await (await get(`/api/stories/${STORY}/overview`)).json());
    const since = `${overview.version.epoch}.${overview.version.version}`;
    const none = storyChangesSchema.parse(await (await get(`/api/stories/${STORY}/changes?since=${since}`)).json());
    expect(none).toEqual({ kind: 'changes', current: overview.version, changes: [] });

    const alice = await api.signIn('alice');
    const claim = bundle.claims[0]!;
    await api.patchVerdict(claim.id, { status: 'verified', note: 'Confirmed.' }, { cookie: alice, ifMatch: '"1"' });
    const some = storyChangesSchema.parse(await (await get(`/api/stories/${STORY}/changes?since=${since}`)).json());
    expect(some.kind).toBe('changes');
    if (some.kind === 'changes') {
      expect(some.current.version).toBeGreaterThan(overview.version.version);
      expect(new Set(some.changes.map((change) => change.claim))).toEqual(new Set([claim.id]));
    }
    const other = storyChangesSchema.parse(await (await get(`/api/stories/${STORY}/changes?since=other.1`)).json());
    expect(other.kind).toBe('unknown');

    const bad = await get(`/api/stories/${STORY}/changes?since=yesterday`);
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.field).toBe('since');
  });
});
