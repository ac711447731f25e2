import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema, articleArchiveSchema, articleReviewSchema, storyBundleSchema } from '@/domain/schemas';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { createPageFetcher } from '../ingest/fetch-page';
import { openSqliteStore } from '../store/sql/sql-store';
import type { Store } from '../store/store';
import { createTestApi } from './api-test-kit';

const STORY = 'rafah-scg-2024';
const wireHtml = readFileSync(join(import.meta.dirname, '..', 'ingest', 'fixtures', 'wire-denial.html'), 'utf8');
const datedHtml = wireHtml.replace(
  '<meta charset="utf-8" />',
  '<meta charset="utf-8" /><meta property="article:published_time" content="2024-04-19T10:30:00Z" />',
);

let pages: Server;
let base: string;

beforeAll(async () => {
  pages = createServer((request, response) => {
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    switch (request.url) {
      case '/wire':
        return send(200, 'text/html; charset=utf-8', wireHtml);
      case '/dated':
        return send(200, 'text/html; charset=utf-8', datedHtml);
      case '/image':
        return send(200, 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff]));
      case '/huge':
        return send(200, 'text/html', '', { 'content-length': String(40 * 1024 * 1024) });
      case '/to-private':
        return send(302, 'text/html', '', { location: 'http://10.20.30.40/story' });
      case '/slow':
        return; // never answers
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  // Pages are served under a name (articles keep web addresses with a host name) that the test resolver points at loopback.
  base = `http://news.test:${(pages.address() as AddressInfo).port}`;
});

afterAll(async () => {
  pages.closeAllConnections();
  await new Promise((resolve) => pages.close(resolve));
});

let store: Store;
let kit: Awaited<ReturnType<typeof createTestApi>>;
let editor: string;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  await store.seed(bundledCorpus());
  // The test server is on loopback: the allowlist names it, as a deployment's configuration would.
  kit = await createTestApi({
    store,
    pageFetcher: createPageFetcher({
      allow: ['127.0.0.1'],
      lookup: (hostname) =>
        Promise.resolve([{ address: hostname === 'intranet.test' ? '10.1.1.1' : '127.0.0.1', family: 4 }]),
      timeoutMs: 300,
      now: () => new Date('2024-04-19T12:00:00Z'),
    }),
  });
  editor = await kit.signIn('alice');
});

const addByUrl = (body: Record<string, unknown>, cookie: string | null = editor) =>
  kit.app.request(`/api/stories/${STORY}/articles/from-url`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ outlet: 'Global Wire', createOutlet: true, ...body }),
  });

const errorOf = async (response: Response) => apiErrorSchema.parse(await response.json()).error;

async function articleCount() {
  const response = await kit.app.request(`/api/stories/${STORY}`);
  return storyBundleSchema.parse(await response.json()).articles.length;
}

describe('POST /api/stories/:story/articles/from-url', () => {
  it('fetches the page, adds its story with suggestions and keeps the page as the archived copy', async () => {
    const response = await addByUrl({ url: `${base}/wire`, published: '2024-04-19' });
    expect(response.status).toBe(201);
    const review = articleReviewSchema.parse(await response.json());
    expect(review.article.source.url).toBe(`${base}/wire`);
    expect(review.article.title).toBe('US officials deny deal trading Rafah operation for Iran restraint');
    expect(review.analysis.page?.byline).toBe('By Staff Reporter');
    expect(review.suggestions.length).toBeGreaterThan(0);

    const archive = await kit.app.request(`/api/articles/${review.article.id}/archive`, {
      headers: { Cookie: editor },
    });
    expect(archive.status).toBe(200);
    expect(articleArchiveSchema.parse(await archive.json())).toEqual({
      article: review.article.id,
      url: `${base}/wire`,
      fetchedAt: '2024-04-19T12:00:00.000Z',
      contentType: 'text/html',
      content: wireHtml,
    });
  });

  it('takes the publication day from the page when the request leaves it out, and asks for it when the page has none', async () => {
    const before = await articleCount();
    const undated = await addByUrl({ url: `${base}/wire`, outlet: 'Other Wire' });
    expect(undated.status).toBe(422);
    expect(await errorOf(undated)).toMatchObject({ field: 'published' });
    expect(await articleCount()).toBe(before);

    const dated = await addByUrl({ url: `${base}/dated` });
    expect(dated.status).toBe(201);
    const review = articleReviewSchema.parse(await dated.json());
    expect(review.article.published.date).toBe('2024-04-19');
    expect(review.article.published.basis).toMatch(/page states/);
  });

  it.each([
    ['a private address', () => 'http://192.168.0.10/story', 400, 'refused_address'],
    ['a name that resolves to a private address', () => 'http://intranet.test/story', 400, 'refused_address'],
    ['a redirect to a private address', () => `${base}/to-private`, 400, 'refused_address'],
    ['a site that does not answer in time', () => `${base}/slow`, 504, 'timeout'],
    ['an oversized page', () => `${base}/huge`, 422, 'too_large'],
    ['something that is not a page', () => `${base}/image`, 422, 'wrong_type'],
    ['an error status', () => `${base}/missing`, 502, 'http_error'],
  ])('refuses %s with a JSON error naming the url, storing nothing', async (_what, url, status, code) => {
    const before = await articleCount();
    const response = await addByUrl({ url: url(), published: '2024-04-19' });
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatchObject({ code, field: 'url' });
    expect(await articleCount()).toBe(before);
  });

  it('refuses loopback addresses by default, with no allowlist configured', async () => {
    const plain = await createTestApi({
      store,
      pageFetcher: createPageFetcher({ lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]) }),
    });
    const cookie = await plain.signIn('alice');
    const response = await plain.app.request(`/api/stories/${STORY}/articles/from-url`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ url: `${base}/wire`, outlet: 'Global Wire', createOutlet: true, published: '2024-04-19' }),
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'refused_address', field: 'url' });
  });

  it('refuses bad input naming the field, anonymous and reader requests, and an unknown story', async () => {
    expect((await addByUrl({ url: 'ftp://example.org/x', published: '2024-04-19' })).status).toBe(400);
    expect(await errorOf(await addByUrl({ url: 'not a url' }))).toMatchObject({ field: 'url' });
    expect(await errorOf(await addByUrl({ url: `${base}/wire`, published: '2024-02-30' }))).toMatchObject({
      field: 'published',
    });
    expect((await addByUrl({ url: `${base}/wire` }, null)).status).toBe(401);
    expect((await addByUrl({ url: `${base}/wire` }, await kit.signIn('rita'))).status).toBe(403);
    const unknown = await kit.app.request('/api/stories/no-story/articles/from-url', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: editor },
      body: JSON.stringify({ url: `${base}/wire`, outlet: 'Global Wire' }),
    });
    expect(unknown.status).toBe(404);
  });
});

describe('GET /api/articles/:article/archive', () => {
  it('answers 404 for an article that was not fetched, and 401 without a session', async () => {
    const seeded = bundledCorpus().stories[0]!.articles[0]!;
    const response = await kit.app.request(`/api/articles/${seeded.id}/archive`, { headers: { Cookie: editor } });
    expect(response.status).toBe(404);
    expect((await kit.app.request(`/api/articles/${seeded.id}/archive`)).status).toBe(401);
  });
});
