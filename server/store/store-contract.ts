import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyBundleSchema, storySummarySchema, articleSchema } from '../../src/domain/schemas';
import { fixtureCorpus } from './fixture-corpus';
import type { Store } from './store';

/** The behaviour every Store must have; each implementation runs this suite. */
export function describeStoreContract(name: string, createStore: () => Store) {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(() => {
      store = createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('is empty before seeding', async () => {
      expect(await store.listStories()).toEqual([]);
      expect(await store.getStoryBundle('fixture-story')).toBeNull();
    });

    it('lists a seeded story with its counts', async () => {
      await store.seed(fixtureCorpus());
      const stories = await store.listStories();
      expect(stories.map((s) => storySummarySchema.parse(s))).toEqual([
        {
          id: 'fixture-story',
          title: 'Fixture story',
          summary: 'Two articles, two claims.',
          counts: { articles: 2, claims: 2, mentions: 3, events: 1 },
        },
      ]);
    });

    it('returns the whole bundle as seeded, in order, with only the outlets and actors it uses', async () => {
      const corpus = fixtureCorpus();
      await store.seed(corpus);
      const bundle = storyBundleSchema.parse(await store.getStoryBundle('fixture-story'));
      const seeded = corpus.stories[0]!;
      expect(bundle.story).toEqual(seeded.story);
      expect(bundle.articles).toEqual(
        seeded.articles.map(({ body: _b, paragraphs: _p, sentences: _s, ...meta }) => meta),
      );
      expect(bundle.claims).toEqual(seeded.claims);
      expect(bundle.mentions).toEqual(seeded.mentions);
      expect(bundle.events).toEqual(seeded.events);
      expect(bundle.passages).toEqual(seeded.passages);
      expect(bundle.outlets.map((o) => o.id)).toEqual(['outlet-one', 'outlet-two']);
      expect(bundle.actors.map((a) => a.id)).toEqual(['officials']);
    });

    it('returns an article with its body and ranges, and null for an unknown one', async () => {
      const corpus = fixtureCorpus();
      await store.seed(corpus);
      expect(articleSchema.parse(await store.getArticle('art-b'))).toEqual(corpus.stories[0]!.articles[1]);
      expect(await store.getArticle('no-such-article')).toBeNull();
    });

    it('seeds idempotently: a second seeding adds nothing', async () => {
      const first = await store.seed(fixtureCorpus());
      expect(first).toEqual({ stories: 1, articles: 2, claims: 2, mentions: 3, events: 1 });
      const before = await store.getStoryBundle('fixture-story');
      const second = await store.seed(fixtureCorpus());
      expect(second).toEqual({ stories: 0, articles: 0, claims: 0, mentions: 0, events: 0 });
      expect(await store.getStoryBundle('fixture-story')).toEqual(before);
    });

    it('never overwrites stored rows when the corpus changes, but adds what is new', async () => {
      await store.seed(fixtureCorpus());
      const changed = fixtureCorpus();
      const story = changed.stories[0]!;
      story.claims[0]!.text = 'Reworded in the corpus';
      story.claims.push({ ...story.claims[1]!, id: 'new-claim', text: 'A new claim.' });
      const report = await store.seed(changed);
      expect(report.claims).toBe(1);
      const bundle = await store.getStoryBundle('fixture-story');
      expect(bundle?.claims.map((c) => c.text)).toEqual([
        'The sides will meet again soon.',
        'There was a deal.',
        'A new claim.',
      ]);
    });

    it('does not let callers change stored data through returned objects', async () => {
      await store.seed(fixtureCorpus());
      const bundle = await store.getStoryBundle('fixture-story');
      bundle!.claims[0]!.text = 'mutated';
      expect((await store.getStoryBundle('fixture-story'))?.claims[0]?.text).toBe('The sides will meet again soon.');
    });
  });
}
