import { describe, expect, it } from 'vitest';
import { passageSchema, storyBundleSchema } from '@/domain/schemas';
import { checkSpan } from '@/domain/span-anchoring';
import { createApp } from '../api/create-api';
import { openSqliteStore } from '../store/sql/sql-store';
import { bundledCorpus } from './corpus-test-kit';

const corpus = bundledCorpus();
const story = corpus.stories.find((s) => s.story.id === 'rafah-scg-2024');
const bodies = new Map(story?.articles.map((a) => [a.id, a.body]));
const short = (articleId: string) => articleId.slice(0, 3);

describe('shared passages of the bundled story', () => {
  it('are found on load: the White House readout quoted by Israel National News, the Jerusalem Post and the NYT', () => {
    const readout = story?.passages.find((p) => p.text.includes('expressed concerns with various courses of action'));
    expect(readout?.spans.map((s) => short(s.article))).toEqual(['000', '002', '003']);
    // The New York Times writes "U.S. participants" and stops before "overseen by the SCG".
    expect(readout?.spans.find((s) => s.article.startsWith('003'))?.exact).toMatch(/^U\.S\. participants.*experts$/);
    expect(readout?.spans.find((s) => s.article.startsWith('000'))?.exact).toMatch(/overseen by the SCG$/);
  });

  it('include the other readout sentences the outlets share', () => {
    const texts = story?.passages.map((p) => p.text) ?? [];
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringContaining('agreed on the shared objective to see Hamas defeated in Rafah'),
        expect.stringContaining('began in a small group format to discuss the Iran attack'),
        expect.stringContaining('Minister for Strategic Affairs Ron Dermer'),
      ]),
    );
  });

  it('resolve in every article, validate, and each stand in at least two articles', () => {
    expect(story?.passages.length).toBeGreaterThanOrEqual(4);
    for (const passage of story?.passages ?? []) {
      expect(passageSchema.safeParse(passage).success, passage.id).toBe(true);
      expect(new Set(passage.spans.map((s) => s.article)).size, passage.id).toBeGreaterThanOrEqual(2);
      for (const span of passage.spans) {
        expect(checkSpan(bodies.get(span.article) ?? '', span), `${passage.id} in ${span.article}`).toEqual({
          ok: true,
        });
      }
    }
  });

  it('are stored with the story and served in its bundle', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await store.seed(corpus);
      const response = await createApp(store).request('/api/stories/rafah-scg-2024');
      const bundle = storyBundleSchema.parse(await response.json());
      expect(bundle.passages).toEqual(story?.passages);
    } finally {
      await store.close();
    }
  });
});
