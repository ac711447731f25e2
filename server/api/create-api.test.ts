import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiErrorSchema, articleSchema, storyBundleSchema, storySummarySchema } from '@/domain/schemas';
import { openSqliteStore } from '../store/sql/sql-store';
import { fixtureCorpus } from '../corpus/corpus-test-kit';
import type { Store } from '../store/store';
import { createApp } from './create-api';

let app: ReturnType<typeof createApp>;
let store: Store;
beforeAll(async () => {
  store = await openSqliteStore(':memory:');
  await store.seed(fixtureCorpus());
  app = createApp(store);
});

async function expectJsonError(path: string, status: number, field?: string) {
  const response = await app.request(path);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = apiErrorSchema.parse(await response.json());
  if (field) expect(body.error.field).toBe(field);
  return body;
}

describe('read API', () => {
  it('answers health', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('lists stories with counts', async () => {
    const response = await app.request('/api/stories');
    const stories = z.array(storySummarySchema).parse(await response.json());
    expect(stories.map((s) => [s.id, s.counts.articles])).toEqual([['fixture-story', 2]]);
  });

  it('serves a story bundle that validates against the shared schema', async () => {
    const response = await app.request('/api/stories/fixture-story');
    expect(response.status).toBe(200);
    const bundle = storyBundleSchema.parse(await response.json());
    expect(bundle.mentions).toHaveLength(3);
    expect(bundle.articles[0]).not.toHaveProperty('body');
  });

  it('serves an article with its body and ranges', async () => {
    const response = await app.request('/api/articles/art-a');
    const article = articleSchema.parse(await response.json());
    expect(article.body.slice(...article.sentences[0]!)).toBe('Officials met on Monday.');
  });

  it('answers an unknown story or article with a JSON 404 naming the field', async () => {
    expect((await expectJsonError('/api/stories/no-such-story', 404, 'story')).error.message).toContain(
      'no-such-story',
    );
    await expectJsonError('/api/articles/no-such-article', 404, 'article');
  });

  it('answers a malformed id with a JSON 400 naming the field', async () => {
    await expectJsonError('/api/stories/Not%20An%20Id', 400, 'story');
    await expectJsonError(`/api/articles/${'x'.repeat(200)}`, 400, 'article');
    await expectJsonError('/api/articles/%3Cscript%3E', 400, 'article');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    await expectJsonError('/api/nothing-here', 404);
    await expectJsonError('/api/stories/fixture-story/extra', 404);
  });

  it('answers a failing store with a JSON 500 that leaks nothing', async () => {
    const failing = createApp({
      ...store,
      listStories: () => Promise.reject(new Error('disk on fire')),
    });
    const quiet = console.error;
    console.error = () => {};
    try {
      const response = await failing.request('/api/stories');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(apiErrorSchema.parse(JSON.parse(text)).error.code).toBe('internal');
      expect(text).not.toContain('disk on fire');
    } finally {
      console.error = quiet;
    }
  });
});
