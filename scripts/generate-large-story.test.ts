import { describe, expect, it } from 'vitest';
import { generateLargeStory, LARGE_STORY_ID, LARGE_STORY_SIZES } from '../bench/large-story/generate-large-story';
import { largeStoryDbPath, scaledSizes } from '../bench/large-story/large-story-db';
import { openSqliteStore } from '../server/store/sql/sql-store';
import {
  actorSchema,
  articleSchema,
  claimSchema,
  mentionSchema,
  outletSchema,
  storyBundleSchema,
  storyEventSchema,
  storySchema,
  stepSources,
  type Stance,
} from '@/domain/schemas';
import { checkSpan } from '@/domain/span-anchoring';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';

const SMALL = { articles: 60, claims: 150, mentions: 900, events: 25, outlets: 20, actors: 60 };
const small = (seed: number) => generateLargeStory({ seed, ...SMALL });

describe('generateLargeStory on a small configuration', () => {
  const corpus = small(42);
  const story = corpus.stories[0]!;

  it('makes the requested numbers of records in one story', () => {
    expect(corpus.stories).toHaveLength(1);
    expect(story.story.id).toBe(LARGE_STORY_ID);
    expect(corpus.outlets).toHaveLength(SMALL.outlets);
    expect(corpus.actors).toHaveLength(SMALL.actors);
    expect(story.articles).toHaveLength(SMALL.articles);
    expect(story.claims).toHaveLength(SMALL.claims);
    expect(story.mentions).toHaveLength(SMALL.mentions);
    expect(story.events).toHaveLength(SMALL.events);
  });

  it('passes the shared schemas for every record', () => {
    const problems: string[] = [];
    const check = (what: string, schema: { safeParse(v: unknown): { success: boolean } }, items: { id: string }[]) => {
      for (const item of items) if (!schema.safeParse(item).success) problems.push(`${what} ${item.id}`);
    };
    check('outlet', outletSchema, corpus.outlets);
    check('actor', actorSchema, corpus.actors);
    check('story', storySchema, [story.story]);
    check('article', articleSchema, story.articles);
    check('claim', claimSchema, story.claims);
    check('mention', mentionSchema, story.mentions);
    check('event', storyEventSchema, story.events);
    expect(problems).toEqual([]);
  });

  it('uses unique ids and refers only to records that exist', () => {
    const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
    for (const items of [corpus.outlets, corpus.actors, story.articles, story.claims, story.mentions, story.events]) {
      expect(ids(items).size).toBe(items.length);
    }
    const outlets = ids(corpus.outlets);
    const actors = ids(corpus.actors);
    const claims = ids(story.claims);
    const mentions = ids(story.mentions);
    const articles = new Map(story.articles.map((a) => [a.id, a]));
    for (const article of story.articles) expect(outlets.has(article.outlet)).toBe(true);
    const pairs = new Set<string>();
    for (const mention of story.mentions) {
      expect(claims.has(mention.claim)).toBe(true);
      const article = articles.get(mention.article)!;
      expect(article).toBeDefined();
      pairs.add(`${mention.claim}|${mention.article}`);
      expect(mention.attribution.length).toBeGreaterThanOrEqual(1);
      expect(mention.attribution.length).toBeLessThanOrEqual(4);
      expect(mention.attribution.at(-1)).toEqual({ kind: 'outlet', id: article.outlet });
      for (const node of mention.attribution.flatMap(stepSources)) {
        expect((node.kind === 'actor' ? actors : outlets).has(node.id)).toBe(true);
      }
    }
    expect(pairs.size).toBe(story.mentions.length);
    const articleOfMention = new Map(story.mentions.map((m) => [m.id, m.article]));
    for (const event of story.events) {
      for (const id of event.mentions) expect(mentions.has(id)).toBe(true);
      for (const id of event.participants) expect(actors.has(id)).toBe(true);
      const derived = event.date.derivedFrom;
      if (derived) expect(event.mentions.map((id) => articleOfMention.get(id))).toContain(derived.article);
    }
  });

  it('anchors every evidence span on a whole sentence of its article, and every span resolves', () => {
    const articles = new Map(story.articles.map((a) => [a.id, a]));
    for (const mention of story.mentions) {
      const article = articles.get(mention.article)!;
      const sentences = new Set(article.sentences.map(([s, e]) => `${s}:${e}`));
      for (const span of mention.spans) {
        expect(span.article).toBe(mention.article);
        expect(checkSpan(article.body, span)).toEqual({ ok: true });
        expect(sentences.has(`${span.start}:${span.end}`)).toBe(true);
      }
    }
  });

  it('writes bodies of 300–900 words whose paragraphs and sentences are the shared segmentation', () => {
    for (const article of story.articles) {
      const words = article.body.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(900);
      expect(article.paragraphs).toEqual(splitParagraphs(article.body));
      expect(article.sentences).toEqual(splitSentences(article.body, article.paragraphs));
      expect(article.paragraphs.length).toBeGreaterThan(1);
    }
  });

  it('covers all four stances, every actor and outlet kind, and day and range dates', () => {
    const stances = new Set<Stance>(story.mentions.map((m) => m.stance));
    expect([...stances].sort()).toEqual(['asserts', 'contradicts', 'denies', 'reports']);
    expect(new Set(corpus.actors.map((a) => a.kind)).size).toBe(4);
    expect(new Set(corpus.outlets.map((o) => o.kind)).size).toBeGreaterThanOrEqual(4);
    expect(corpus.outlets.some((o) => o.aliases.length > 0)).toBe(true);
    expect(new Set(story.events.map((e) => e.date.precision))).toEqual(new Set(['day', 'range']));
    expect(new Set(story.events.map((e) => e.date.derivedFrom === null))).toEqual(new Set([true, false]));
    expect(new Set(story.mentions.map((m) => m.attribution.length))).toEqual(new Set([1, 2, 3, 4]));
    expect(story.events.every((e) => e.mentions.length > 0)).toBe(true);
  });

  it('seeds into the SQLite store and reads back as a valid story bundle', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      expect(await store.seed(corpus)).toEqual({
        stories: 1,
        articles: SMALL.articles,
        claims: SMALL.claims,
        mentions: SMALL.mentions,
        events: SMALL.events,
      });
      const bundle = await store.getStoryBundle(LARGE_STORY_ID);
      expect(storyBundleSchema.safeParse(bundle).success).toBe(true);
      expect(bundle?.mentions).toEqual(story.mentions);
      expect(await store.getArticle(story.articles[0]!.id)).toEqual(story.articles[0]);
    } finally {
      await store.close();
    }
  });
});

describe('generateLargeStory determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(JSON.stringify(small(7))).toBe(JSON.stringify(small(7)));
  });

  it('gives different output for a different seed', () => {
    expect(JSON.stringify(small(7))).not.toBe(JSON.stringify(small(8)));
  });

  it('refuses sizes that cannot fit', () => {
    expect(() => generateLargeStory({ seed: 1, articles: 2, claims: 3, mentions: 7 })).toThrow(RangeError);
    expect(() => generateLargeStory({ seed: 1, articles: 3, claims: 2, mentions: 500 })).toThrow(RangeError);
    expect(() => generateLargeStory({ seed: 1, articles: 0 })).toThrow(RangeError);
  });
});

describe('generateLargeStory at full size', () => {
  it('makes the large story of the quality bars, with every span resolving', { timeout: 60_000 }, () => {
    const story = generateLargeStory({ seed: 1 }).stories[0]!;
    expect(story.articles).toHaveLength(LARGE_STORY_SIZES.articles);
    expect(story.claims).toHaveLength(LARGE_STORY_SIZES.claims);
    expect(story.mentions).toHaveLength(LARGE_STORY_SIZES.mentions);
    expect(story.events).toHaveLength(LARGE_STORY_SIZES.events);
    const bodies = new Map(story.articles.map((a) => [a.id, a.body]));
    const unresolved = story.mentions.flatMap((m) =>
      m.spans.filter((span) => !checkSpan(bodies.get(m.article) ?? '', span).ok).map(() => m.id),
    );
    expect(unresolved).toEqual([]);
  });
});

describe('the large story at a scale', () => {
  it('multiplies articles, claims, mentions and events, and keeps a database per scale', () => {
    expect(scaledSizes(1)).toEqual(LARGE_STORY_SIZES);
    expect(scaledSizes(4)).toMatchObject({
      articles: LARGE_STORY_SIZES.articles * 4,
      claims: LARGE_STORY_SIZES.claims * 4,
      mentions: LARGE_STORY_SIZES.mentions * 4,
      events: LARGE_STORY_SIZES.events * 4,
    });
    expect(largeStoryDbPath(2)).toMatch(/large-story-x2\.db$/);
    expect(largeStoryDbPath(1)).not.toBe(largeStoryDbPath(2));
    expect(() => scaledSizes(0)).toThrow(/scale/);
  });
});
