import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  apiErrorSchema,
  articleReviewSchema,
  claimSchema,
  coverageChangeEventSchema,
  mentionSchema,
  storyBundleSchema,
} from '@/domain/schemas';
import { checkSpan } from '@/domain/span-anchoring';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { createInProcessAnalyser, type ArticleAnalyser } from '../ingest/article-analyser';
import { openSqliteStore } from '../store/sql/sql-store';
import { createTestApi } from './api-test-kit';
import type { FeedEvent } from './change-feed';

const STORY = 'rafah-scg-2024';
const DEAL = 'us-accepts-rafah-for-no-iran-strike';
const wireHtml = readFileSync(join(import.meta.dirname, '..', 'ingest', 'fixtures', 'wire-denial.html'), 'utf8');

let kit: Awaited<ReturnType<typeof createTestApi>>;
let editor: string;
let published: FeedEvent[];

beforeEach(async () => {
  const store = await openSqliteStore(':memory:');
  await store.seed(bundledCorpus());
  kit = await createTestApi({ store });
  editor = await kit.signIn('alice');
  published = [];
  kit.changes.subscribe(
    (event) => published.push(event),
    () => {},
  );
});

const post = (path: string, body: unknown, cookie: string | null = editor, headers: Record<string, string> = {}) =>
  kit.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const addWireArticle = (patch: Record<string, unknown> = {}) =>
  post(`/api/stories/${STORY}/articles`, {
    content: wireHtml,
    fileName: 'wire.html',
    outlet: 'Global Wire',
    createOutlet: true,
    published: '2024-04-19',
    ...patch,
  });

const getSuggestions = (articleId: string, cookie: string | null = editor) =>
  kit.app.request(`/api/articles/${articleId}/suggestions`, { headers: cookie ? { Cookie: cookie } : {} });

async function storyBundle() {
  return storyBundleSchema.parse(await (await kit.app.request(`/api/stories/${STORY}`)).json());
}

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

describe('adding an article', () => {
  it('normalizes it, stores it with its new outlet and recomputed passages, and suggests claims', async () => {
    const response = await addWireArticle();
    expect(response.status).toBe(201);
    const review = articleReviewSchema.parse(await response.json());
    expect(review.article).toMatchObject({ story: STORY, outlet: 'global-wire', published: { date: '2024-04-19' } });
    expect(review.newOutlet?.name).toBe('Global Wire');
    expect(review.suggestions[0]?.score).toBeGreaterThan(0);
    const deal = review.suggestions.filter((s) => s.claim === DEAL).map((s) => s.proposal);
    expect(deal).toContainEqual({ stance: 'denies', cue: 'flatly denied' });
    const order = review.suggestions.map((s) => s.range[0]);
    expect(order, 'sentence by sentence in article order').toEqual([...order].sort((a, b) => a - b));

    const bundle = await storyBundle();
    expect(bundle.articles.map((a) => a.id)).toContain(review.article.id);
    expect(bundle.outlets.map((o) => o.id)).toContain('global-wire');
    expect(published).toEqual([{ name: 'coverage', data: { story: STORY, kind: 'article', id: review.article.id } }]);
    expect(coverageChangeEventSchema.safeParse(published[0]?.data).success).toBe(true);
  });

  it('accepts a file as base64 and refuses a binary one, storing nothing', async () => {
    const before = (await storyBundle()).articles.length;
    const binary = await addWireArticle({
      content: undefined,
      contentBase64: Buffer.from([0x89, 0x50, 0, 1]).toString('base64'),
    });
    expect(binary.status).toBe(422);
    expect(await errorOf(binary)).toMatchObject({ field: 'content', message: expect.stringMatching(/binary/) });
    expect((await storyBundle()).articles.length).toBe(before);
    const ok = await addWireArticle({ content: undefined, contentBase64: Buffer.from(wireHtml).toString('base64') });
    expect(ok.status).toBe(201);
  });

  it('takes a known outlet written another way, and creates a new one only when the editor confirms it', async () => {
    const known = articleReviewSchema.parse(
      await (await addWireArticle({ outlet: 'JPost.com', createOutlet: false })).json(),
    );
    expect(known.article.outlet).toBe('jerusalem-post');
    expect(known.newOutlet).toBeNull();

    const before = await storyBundle();
    const other = { content: 'A short wire about the Rafah talks.', fileName: 'other.txt', createOutlet: false };
    const close = await addWireArticle({ ...other, outlet: 'Jerusalem Psot' });
    expect(close.status).toBe(422);
    expect(await errorOf(close)).toMatchObject({
      code: 'unknown_outlet',
      field: 'outlet',
      message: expect.stringContaining('did you mean “The Jerusalem Post” (jerusalem-post)'),
    });
    const unknown = await addWireArticle({ ...other, outlet: 'Some Wire' });
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).message).toMatch(/not a known outlet: confirm it as a new outlet/);
    const after = await storyBundle();
    expect(after.outlets).toEqual(before.outlets);
    expect(after.articles).toEqual(before.articles);
  });

  it('refuses the same text twice as a duplicate, naming the article', async () => {
    const first = articleReviewSchema.parse(await (await addWireArticle()).json());
    const again = await addWireArticle({ outlet: 'Another Wire' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toContain(first.article.id);
    const seed = bundledCorpus().stories[0]!.articles[0]!;
    const copy = await post(`/api/stories/${STORY}/articles`, {
      content: seed.body,
      outlet: 'X',
      published: '2024-04-18',
    });
    expect(copy.status).toBe(409);
    expect((await errorOf(copy)).message).toContain(seed.id);
  });

  it.each([
    ['an empty text', { content: '' }, 422, 'content'],
    ['no text at all', { content: undefined }, 400, 'content'],
    ['a bad date', { published: '2024-13-40' }, 400, 'published'],
    ['no outlet', { outlet: '  ' }, 400, 'outlet'],
    ['an unknown field', { author: 'x' }, 400, 'author'],
  ])('refuses %s with a JSON 4xx naming the field', async (_what, patch, status, field) => {
    const response = await addWireArticle(patch);
    expect(response.status).toBe(status);
    expect((await errorOf(response)).field).toBe(field);
  });

  it('refuses an unknown story, anonymous and reader requests, and a wrong content type', async () => {
    expect(
      (await post('/api/stories/no-story/articles', { content: 'x', outlet: 'o', published: '2024-04-19' })).status,
    ).toBe(404);
    expect(
      (await post(`/api/stories/${STORY}/articles`, { content: 'x', outlet: 'o', published: '2024-04-19' }, null))
        .status,
    ).toBe(401);
    const reader = await kit.signIn('rita');
    expect(
      (await post(`/api/stories/${STORY}/articles`, { content: 'x', outlet: 'o', published: '2024-04-19' }, reader))
        .status,
    ).toBe(403);
    const text = await kit.app.request(`/api/stories/${STORY}/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Cookie: editor },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const crossSite = await post(
      `/api/stories/${STORY}/articles`,
      { content: 'x', outlet: 'o', published: '2024-04-19' },
      editor,
      {
        Origin: 'https://evil.example',
      },
    );
    expect(crossSite.status).toBe(403);
  });

  it('refuses an over-size article before storing anything', async () => {
    const before = (await storyBundle()).articles.length;
    const overLimit = await addWireArticle({ content: 'Officials met again. '.repeat(110_000) });
    expect(overLimit.status).toBe(422);
    expect((await errorOf(overLimit)).message).toMatch(/over the limit of 2\.0 MB/);
    const overBody = await addWireArticle({ content: 'Officials met again. '.repeat(160_000) });
    expect(overBody.status).toBe(413);
    expect((await storyBundle()).articles.length).toBe(before);
  });
});

describe('reviewing suggestions', () => {
  it('accepts a suggestion as a mention with a resolving span, and no longer suggests that claim', async () => {
    const review = articleReviewSchema.parse(await (await addWireArticle()).json());
    const deal = review.suggestions.find((s) => s.claim === DEAL)!;
    const response = await post(`/api/stories/${STORY}/mentions`, {
      claim: DEAL,
      article: review.article.id,
      stance: 'denies',
      range: deal.range,
    });
    expect(response.status).toBe(201);
    const mention = mentionSchema.parse(await response.json());
    expect(mention.attribution).toEqual([{ kind: 'outlet', id: 'global-wire' }]);
    const stored = (await storyBundle()).mentions.find((m) => m.id === mention.id);
    const article = await (await kit.app.request(`/api/articles/${review.article.id}`)).json();
    expect(checkSpan(article.body, stored!.spans[0]!)).toEqual({ ok: true });

    const again = articleReviewSchema.parse(await (await getSuggestions(review.article.id)).json());
    expect(again.suggestions.some((s) => s.claim === DEAL)).toBe(false);
    expect(published.map((e) => (e.name === 'coverage' ? e.data.kind : e.name))).toEqual(['article', 'mention']);
  });

  it('forgets a rejected suggestion for that sentence only', async () => {
    const review = articleReviewSchema.parse(await (await addWireArticle()).json());
    const first = review.suggestions[0]!;
    const response = await post(`/api/articles/${review.article.id}/rejections`, {
      claim: first.claim,
      sentenceStart: first.range[0],
    });
    expect(response.status).toBe(204);
    const again = articleReviewSchema.parse(await (await getSuggestions(review.article.id)).json());
    expect(again.suggestions.some((s) => s.claim === first.claim && s.range[0] === first.range[0])).toBe(false);
    expect(again.suggestions.length).toBe(review.suggestions.length - 1);
    const bad = await post(`/api/articles/${review.article.id}/rejections`, {
      claim: first.claim,
      sentenceStart: 99999,
    });
    expect(bad.status).toBe(400);
  });

  it('creates a claim from a sentence, then a mention of it', async () => {
    const review = articleReviewSchema.parse(await (await addWireArticle()).json());
    const created = await post(`/api/stories/${STORY}/claims`, {
      text: 'The United States denied on 19 April that any Rafah-for-Iran deal existed.',
      topic: 'Reported deal',
    });
    expect(created.status).toBe(201);
    const claim = claimSchema.parse(await created.json());
    expect(claim.verdict.status).toBe('unreviewed');
    expect((await post(`/api/stories/${STORY}/claims`, { text: claim.text, topic: 'Reported deal' })).status).toBe(409);
    expect((await post('/api/stories/no-story/claims', { text: 'x', topic: 'y' })).status).toBe(404);
    const sentence = (await (await kit.app.request(`/api/articles/${review.article.id}`)).json()).sentences[1];
    const mention = await post(`/api/stories/${STORY}/mentions`, {
      claim: claim.id,
      article: review.article.id,
      stance: 'asserts',
      range: sentence,
    });
    expect(mention.status).toBe(201);
  });

  it('refuses mentions with unknown claims or articles, ranges past the text, or a chain not ending in the outlet', async () => {
    const review = articleReviewSchema.parse(await (await addWireArticle()).json());
    const sentence = (await (await kit.app.request(`/api/articles/${review.article.id}`)).json()).sentences[0];
    const base = { claim: DEAL, article: review.article.id, stance: 'denies', range: sentence };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ claim: 'no-claim' }, 404, 'claim'],
      [{ article: 'no-article' }, 404, 'article'],
      [{ range: [0, 10_000_000] }, 400, 'range'],
      [{ range: [10, 5] }, 400, 'range'],
      [{ range: [1, 10] }, 400, 'range'],
      [{ stance: 'hints' }, 400, 'stance'],
      [{ attribution: [{ kind: 'outlet', id: 'cnn' }] }, 400, 'attribution'],
    ];
    const before = (await storyBundle()).mentions.length;
    for (const [patch, status, field] of cases) {
      const response = await post(`/api/stories/${STORY}/mentions`, { ...base, ...patch });
      expect([response.status, (await errorOf(response)).field]).toEqual([status, field]);
    }
    expect((await storyBundle()).mentions.length).toBe(before);
    expect(z.array(mentionSchema).safeParse((await storyBundle()).mentions).success).toBe(true);
  });
});

describe('suggestions of a stored article', () => {
  it('are for editors only: 401 without a session, 403 for a reader', async () => {
    const review = articleReviewSchema.parse(await (await addWireArticle()).json());
    expect((await getSuggestions(review.article.id, null)).status).toBe(401);
    const reader = await kit.signIn('rita');
    const refused = await getSuggestions(review.article.id, reader);
    expect([refused.status, (await errorOf(refused)).code]).toEqual([403, 'forbidden']);
  });

  it('are computed once when the article is added, and again only when the claims change', async () => {
    const inner = createInProcessAnalyser();
    let reviews = 0;
    const counting: ArticleAnalyser = {
      ...inner,
      review: (task) => {
        reviews += 1;
        return inner.review(task);
      },
    };
    const store = await openSqliteStore(':memory:');
    await store.seed(bundledCorpus());
    kit = await createTestApi({ store, analyser: counting });
    editor = await kit.signIn('alice');
    const added = articleReviewSchema.parse(await (await addWireArticle()).json());
    const first = articleReviewSchema.parse(await (await getSuggestions(added.article.id)).json());
    const second = articleReviewSchema.parse(await (await getSuggestions(added.article.id)).json());
    expect(first).toEqual(second);
    expect(first.suggestions).toEqual(added.suggestions);
    expect(reviews).toBe(0);
    const claim = await post(`/api/stories/${STORY}/claims`, {
      text: 'Egypt said on 19 April that talks on Rafah would go on for weeks.',
      topic: 'Talks',
    });
    expect(claim.status).toBe(201);
    await getSuggestions(added.article.id);
    await getSuggestions(added.article.id);
    expect(reviews).toBe(1);
  });
});
