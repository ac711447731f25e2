import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  addArticleVersionResponseSchema,
  apiErrorSchema,
  articleReviewSchema,
  articleSchema,
  articleVersionSchema,
  articleVersionsResponseSchema,
  auditEntrySchema,
  claimSchema,
  mentionSchema,
  storyBundleSchema,
} from '@/domain/schemas';
import { checkSpan } from '@/domain/span-anchoring';
import { createPageFetcher } from '../ingest/fetch-page';
import { STORE_ENGINES, testStore } from '../store/store-test-kit';
import type { Store } from '../store/store';
import { createTestApi } from './api-test-kit';
import type { FeedEvent } from './change-feed';

const STORY = 'fixture-story';
const CHANGED = '"The talks will continue next week in Cairo," the mediator said.';
const DELETED = 'Both delegations declined to comment on the proposal.';
const ORIGINAL = [
  'Negotiators met for a third day on Thursday.',
  `${CHANGED} Officials described the mood as constructive.`,
  `${DELETED} A statement is expected on Friday.`,
].join('\n\n');
const UPDATED = [
  'Update: this article was revised to include the statement issued on Friday.',
  'Negotiators met for a third day on Thursday.',
  `${CHANGED.replace('next week', 'next month')} Officials described the mood as constructive.`,
  'A statement is expected on Friday.',
].join('\n\n');

// The article's page as it now reads, served on loopback under a name the test resolver points there.
let pages: Server;
let pageBase: string;
beforeAll(async () => {
  pages = createServer((request, response) => {
    if (request.url === '/talks') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(UPDATED);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageBase = `http://news.test:${(pages.address() as AddressInfo).port}`;
});
afterAll(async () => {
  pages.closeAllConnections();
  await new Promise((resolve) => pages.close(resolve));
});

describe.each(STORE_ENGINES)('article versions on %s', (engine) => {
  let store: Store;
  let kit: Awaited<ReturnType<typeof createTestApi>>;
  let editor: string;
  let published: FeedEvent[];

  beforeEach(async () => {
    store = await testStore(engine);
    kit = await createTestApi({
      store,
      pageFetcher: createPageFetcher({
        allow: ['127.0.0.1'],
        lookup: (hostname) =>
          Promise.resolve([{ address: hostname === 'intranet.test' ? '10.1.1.1' : '127.0.0.1', family: 4 }]),
      }),
    });
    editor = await kit.signIn('alice');
    published = [];
    kit.changes.subscribe(
      (event) => published.push(event),
      () => {},
    );
  });
  afterEach(async () => {
    await store.close();
  });

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      kit.app.request(path, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: editor, ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  const json = async (response: Response | Promise<Response>) => (await response).json() as Promise<unknown>;

  async function addArticleWithTwoMentions() {
    const added = await send('POST', `/api/stories/${STORY}/articles`, {
      content: ORIGINAL,
      outlet: 'outlet-one',
      published: '2024-04-20',
      title: 'Talks go on',
    });
    expect(added.status).toBe(201);
    const article = articleReviewSchema.parse(await added.json()).article.id;
    const claimResponse = await send('POST', `/api/stories/${STORY}/claims`, {
      text: 'The talks continue next week',
      topic: 'talks',
    });
    const claim = claimSchema.parse(await claimResponse.json());
    const mentionAt = async (quote: string) => {
      const start = ORIGINAL.indexOf(quote);
      const response = await send('POST', `/api/stories/${STORY}/mentions`, {
        claim: claim.id,
        article,
        stance: 'reports',
        range: [start, start + quote.length],
      });
      expect(response.status).toBe(201);
      return mentionSchema.parse(await response.json());
    };
    const changedMention = await mentionAt(CHANGED);
    const deletedMention = await mentionAt(DELETED);
    const verdict = await kit.patchVerdict(claim.id, { status: 'verified' }, { cookie: editor, ifMatch: '"1"' });
    expect(verdict.status).toBe(200);
    return { article, claim: claimSchema.parse(await verdict.json()), changedMention, deletedMention };
  }

  const bundle = async () => storyBundleSchema.parse(await json(kit.app.request(`/api/stories/${STORY}`)));

  it('stores a version, re-anchors the spans, flags the verdict and keeps the history', async () => {
    const { article, claim, changedMention, deletedMention } = await addArticleWithTwoMentions();
    kit.clock.now += 60_000;
    published = [];
    const response = await send(
      'POST',
      `/api/articles/${article}/versions`,
      { content: UPDATED },
      { 'If-Match': '"1"' },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('ETag')).toBe('"2"');
    const answer = addArticleVersionResponseSchema.parse(await response.json());
    expect(answer.version).toMatchObject({
      version: 2,
      editor: 'alice',
      spans: { kept: 0, changed: 1, unanchored: 1 },
    });
    expect(answer.flaggedClaims).toEqual([claim.id]);
    expect(published).toContainEqual({ name: 'coverage', data: { story: STORY, kind: 'article', id: article } });

    // The newest version is served by default, and the first span resolves in it, marked changed.
    const current = articleSchema.parse(await json(kit.app.request(`/api/articles/${article}`)));
    expect(current.body).toBe(UPDATED);
    const after = await bundle();
    const mention = after.mentions.find((m) => m.id === changedMention.id);
    expect(mention?.spans[0]?.exact).toBe(CHANGED.replace('next week', 'next month'));
    expect(checkSpan(current.body, mention!.spans[0]!)).toEqual({ ok: true });
    const changed = answer.changes.find((c) => c.mention === changedMention.id);
    expect(changed).toMatchObject({ status: 'changed', before: { exact: CHANGED } });
    expect(changed?.after?.exact).toBe(CHANGED.replace('next week', 'next month'));

    // The second is unanchored: no longer evidence, listed with the text it had.
    const unanchored = answer.changes.find((c) => c.mention === deletedMention.id);
    expect(unanchored).toMatchObject({ status: 'unanchored', before: { exact: DELETED }, after: null });
    expect(after.mentions.some((m) => m.id === deletedMention.id)).toBe(false);

    // The verdict is flagged, and the article marked updated.
    expect(after.evidenceFlags).toEqual([
      {
        claim: claim.id,
        since: new Date(kit.clock.now).toISOString(),
        kinds: ['changed', 'unanchored'],
        mentions: [changedMention.id, deletedMention.id].sort(),
      },
    ]);
    expect(after.articleUpdates).toEqual([
      { article, version: 2, at: new Date(kit.clock.now).toISOString(), unanchored: 1 },
    ]);

    // The history records both versions; the first stays readable.
    const versionsResponse = await kit.app.request(`/api/articles/${article}/versions`);
    expect(versionsResponse.headers.get('ETag')).toBe('"2"');
    const versions = articleVersionsResponseSchema.parse(await versionsResponse.json());
    expect(versions.versions.map((v) => [v.version, v.editor])).toEqual([
      [1, null],
      [2, 'alice'],
    ]);
    expect(versions.changes.map((c) => c.status).sort()).toEqual(['changed', 'unanchored']);
    const first = articleVersionSchema.parse(await json(kit.app.request(`/api/articles/${article}/versions/1`)));
    expect(first.body).toBe(ORIGINAL);
  });

  it('recomputes the shared passages with the new text, in the same change', async () => {
    const { article } = await addArticleWithTwoMentions();
    const copied = 'The two sides agreed to meet again soon, a statement said.';
    await send(
      'POST',
      `/api/articles/${article}/versions`,
      { content: `${UPDATED}\n\n${copied}` },
      { 'If-Match': '1' },
    );
    const passages = (await bundle()).passages.filter((p) => p.spans.some((s) => s.article === article));
    expect(passages.length).toBeGreaterThan(0);
    const current = articleSchema.parse(await json(kit.app.request(`/api/articles/${article}`)));
    for (const span of passages.flatMap((p) => p.spans).filter((s) => s.article === article)) {
      expect(checkSpan(current.body, span)).toEqual({ ok: true });
    }
  });

  it('clears the flag when an editor reviews it, as an audited change of the verdict', async () => {
    const { article, claim } = await addArticleWithTwoMentions();
    kit.clock.now += 60_000;
    await send('POST', `/api/articles/${article}/versions`, { content: UPDATED }, { 'If-Match': '"1"' });
    const missing = await send('POST', `/api/claims/${claim.id}/evidence-review`);
    expect(missing.status).toBe(428);
    const stale = await send('POST', `/api/claims/${claim.id}/evidence-review`, undefined, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    const reviewed = await send('POST', `/api/claims/${claim.id}/evidence-review`, undefined, {
      'If-Match': `"${claim.verdict.version}"`,
    });
    expect(reviewed.status).toBe(200);
    expect(claimSchema.parse(await reviewed.json()).verdict.version).toBe(claim.verdict.version + 1);
    expect((await bundle()).evidenceFlags).toBeUndefined();
    const history = z.array(auditEntrySchema).parse(await json(kit.app.request(`/api/claims/${claim.id}/history`)));
    expect(history.at(-1)).toMatchObject({ editor: 'alice', action: 'evidence_reviewed' });
    const again = await send('POST', `/api/claims/${claim.id}/evidence-review`, undefined, {
      'If-Match': `"${claim.verdict.version + 1}"`,
    });
    expect(again.status).toBe(409);
  });

  it('flags a verdict when new coverage of its claim arrives after it', async () => {
    const { claim } = await addArticleWithTwoMentions();
    kit.clock.now += 60_000;
    const response = await send('POST', `/api/stories/${STORY}/mentions`, {
      claim: claim.id,
      article: 'art-a',
      stance: 'asserts',
      range: [0, 24],
    });
    expect(response.status).toBe(201);
    const flag = (await bundle()).evidenceFlags?.find((f) => f.claim === claim.id);
    expect(flag?.kinds).toEqual(['coverage']);
  });

  it('refuses a stale, missing or malformed version, an unchanged text and a reader, storing nothing', async () => {
    const { article } = await addArticleWithTwoMentions();
    const noIfMatch = await send('POST', `/api/articles/${article}/versions`, { content: UPDATED });
    expect(noIfMatch.status).toBe(428);
    const stale = await send('POST', `/api/articles/${article}/versions`, { content: UPDATED }, { 'If-Match': '"2"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe('"1"');
    const empty = await send('POST', `/api/articles/${article}/versions`, {}, { 'If-Match': '"1"' });
    expect(empty.status).toBe(400);
    expect(apiErrorSchema.parse(await empty.json()).error.field).toBe('content');
    const same = await send('POST', `/api/articles/${article}/versions`, { content: ORIGINAL }, { 'If-Match': '"1"' });
    expect(same.status).toBe(409);
    const reader = await kit.signIn('rita');
    const refused = await kit.app.request(`/api/articles/${article}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: reader, 'If-Match': '"1"' },
      body: JSON.stringify({ content: UPDATED }),
    });
    expect(refused.status).toBe(403);
    const versions = articleVersionsResponseSchema.parse(
      await json(kit.app.request(`/api/articles/${article}/versions`)),
    );
    expect(versions.current).toBe(1);
    expect(versions.versions).toHaveLength(1);
  });

  it('fetches the page again from an address for the new version', async () => {
    const { article, changedMention } = await addArticleWithTwoMentions();
    const response = await send(
      'POST',
      `/api/articles/${article}/versions`,
      { url: `${pageBase}/talks` },
      { 'If-Match': '"1"' },
    );
    expect(response.status).toBe(201);
    expect(addArticleVersionResponseSchema.parse(await response.json()).version.spans).toEqual({
      kept: 0,
      changed: 1,
      unanchored: 1,
    });
    const current = articleSchema.parse(await json(kit.app.request(`/api/articles/${article}`)));
    expect(current.body).toBe(UPDATED);
    const mention = (await bundle()).mentions.find((m) => m.id === changedMention.id);
    expect(mention?.spans[0]?.exact).toBe(CHANGED.replace('next week', 'next month'));
  });

  it('refuses an address it may not or cannot fetch, and two forms at once, storing nothing', async () => {
    const { article } = await addArticleWithTwoMentions();
    const refusals: [unknown, number, string][] = [
      [{ url: 'http://intranet.test/talks' }, 400, 'url'],
      [{ url: `${pageBase}/gone` }, 502, 'url'],
      [{ url: 'ftp://news.test/talks' }, 400, 'url'],
      [{ url: `${pageBase}/talks`, content: UPDATED }, 400, 'content'],
    ];
    for (const [body, status, field] of refusals) {
      const response = await send('POST', `/api/articles/${article}/versions`, body, { 'If-Match': '"1"' });
      expect(response.status).toBe(status);
      expect(apiErrorSchema.parse(await response.json()).error.field).toBe(field);
    }
    const versions = articleVersionsResponseSchema.parse(
      await json(kit.app.request(`/api/articles/${article}/versions`)),
    );
    expect(versions.current).toBe(1);
    expect(versions.versions).toHaveLength(1);
  });
});
