import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { storyBundleSchema, storySummarySchema } from '@/domain/schemas';
import { mockServer } from './node';

beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

describe('mock API', () => {
  it('serves the bundled story through the real API app', async () => {
    const stories = z.array(storySummarySchema).parse(await (await fetch('http://localhost/api/stories')).json());
    expect(stories[0]?.counts.articles).toBe(5);
    const response = await fetch(`http://localhost/api/stories/${stories[0]?.id}`);
    const bundle = storyBundleSchema.parse(await response.json());
    expect(bundle.claims.length).toBeGreaterThanOrEqual(25);
  });

  it('answers errors as the API does', async () => {
    const response = await fetch('http://localhost/api/articles/NOPE');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: 'article' } });
  });
});
