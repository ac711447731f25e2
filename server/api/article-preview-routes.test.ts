import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema, articlePreviewSchema, articleReviewSchema, storyBundleSchema } from '@/domain/schemas';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { createPageFetcher } from '../ingest/fetch-page';
import { openSqliteStore } from '../store/sql/sql-store';
import { createTestApi } from './api-test-kit';

const STORY = 'rafah-scg-2024';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'ingest', 'fixtures', name), 'utf8');
const wireHtml = fixture('wire-denial.html').replace(
  '<meta charset="utf-8" />',
  '<meta charset="utf-8" /><meta property="article:published_time" content="2024-04-19T10:30:00Z" />',
);
const MARKDOWN = `---
title: Egypt on alert at the Gaza border
author: Cairo bureau
date: 2024-04-15
---

${fixture('wire-egypt.md')}`;

let pages: Server;
let base: string;

beforeAll(async () => {
  pages = createServer((request, response) => {
    if (request.url === '/wire') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(wireHtml);
    }
    if (request.url === '/to-private') {
      response.writeHead(302, { location: 'http://10.20.30.40/story' });
      return response.end();
    }
    if (request.url === '/image') {
      response.writeHead(200, { 'content-type': 'image/png' });
      return response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  base = `http://news.test:${(pages.address() as AddressInfo).port}`;
});

afterAll(async () => {
  pages.closeAllConnections();
  await new Promise((resolve) => pages.close(resolve));
});

let kit: Awaited<ReturnType<typeof createTestApi>>;
let editor: string;

beforeEach(async () => {
  const store = await openSqliteStore(':memory:');
  await store.seed(bundledCorpus());
  // The page server is on loopback: the allowlist names it, as PARALLAX_FETCH_ALLOW would.
  kit = await createTestApi({
    store,
    pageFetcher: createPageFetcher({
      allow: ['127.0.0.1'],
      lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
      timeoutMs: 300,
    }),
  });
  editor = await kit.signIn('alice');
});

const preview = (body: unknown, cookie: string | null = editor) =>
  kit.app.request('/api/article-previews', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });

const errorOf = async (response: Response) => apiErrorSchema.parse(await response.json()).error;

async function articleCount() {
  const response = await kit.app.request(`/api/stories/${STORY}`);
  return storyBundleSchema.parse(await response.json()).articles.length;
}

describe('POST /api/article-previews', () => {
  it('reads the title, byline and day of a page at an address, as adding it then does', async () => {
    const before = await articleCount();
    const response = await preview({ url: `${base}/wire` });
    expect(response.status).toBe(200);
    const read = articlePreviewSchema.parse(await response.json());
    expect(read).toEqual({
      format: 'html',
      title: 'US officials deny deal trading Rafah operation for Iran restraint',
      byline: 'By Staff Reporter',
      published: '2024-04-19',
      siteName: null,
      url: `${base}/wire`,
    });
    expect(await articleCount()).toBe(before);

    const added = await kit.app.request(`/api/stories/${STORY}/articles/from-url`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: editor },
      body: JSON.stringify({ url: `${base}/wire`, outlet: 'Global Wire', createOutlet: true }),
    });
    expect(added.status).toBe(201);
    const review = articleReviewSchema.parse(await added.json());
    expect([review.article.title, review.article.published.date]).toEqual([read.title, read.published]);
  });

  it('reads an uploaded Markdown file: its front matter title, author and day', async () => {
    const response = await preview({
      contentBase64: Buffer.from(MARKDOWN).toString('base64'),
      fileName: 'egypt.md',
    });
    expect(response.status).toBe(200);
    expect(articlePreviewSchema.parse(await response.json())).toEqual({
      format: 'markdown',
      title: 'Egypt raises readiness on Gaza border as Rafah fears grow',
      byline: 'Cairo bureau',
      published: '2024-04-15',
      siteName: null,
      url: null,
    });
  });

  it('reads pasted HTML by its headline, not its markup', async () => {
    const response = await preview({ content: fixture('wire-denial.html') });
    const read = articlePreviewSchema.parse(await response.json());
    expect(read).toMatchObject({
      format: 'html',
      title: 'US officials deny deal trading Rafah operation for Iran restraint',
      published: null,
    });
  });

  it('refuses private addresses, wrong types and empty or binary input, naming the field', async () => {
    const cases: [unknown, number, string, string][] = [
      [{ url: `${base}/to-private` }, 400, 'refused_address', 'url'],
      [{ url: 'http://192.168.1.1/x' }, 400, 'refused_address', 'url'],
      [{ url: `${base}/image` }, 422, 'wrong_type', 'url'],
      [{ contentBase64: Buffer.from([0, 1, 2, 0]).toString('base64') }, 422, 'invalid_input', 'content'],
      [{ content: '<html><body><script>x()</script></body></html>' }, 422, 'invalid_input', 'content'],
      [{ content: 'text', url: `${base}/wire` }, 400, 'invalid_body', 'content'],
      [{}, 400, 'invalid_body', 'content'],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await preview(body);
      expect([response.status, await errorOf(response)], JSON.stringify(body)).toEqual([
        status,
        expect.objectContaining({ code, field }),
      ]);
    }
  });

  it('is for editors', async () => {
    expect((await preview({ content: 'Text.' }, null)).status).toBe(401);
    expect((await preview({ content: 'Text.' }, await kit.signIn('rita'))).status).toBe(403);
  });
});
