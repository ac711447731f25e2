import { describe, expect, it } from 'vitest';
import { checkSpan } from '@/domain/span-anchoring';
import { readCorpusDir } from './read-corpus-dir';

const corpus = readCorpusDir();
const story = corpus.stories.find((s) => s.story.id === 'rafah-scg-2024');

describe('the bundled corpus', () => {
  it('holds the Rafah story with its five seed articles', () => {
    expect(story?.articles.map((a) => a.source.file)).toEqual([
      '000_8afd1a478485ac90.txt',
      '001_2550a2c150cccb37.txt',
      '002_2c3146867d4d03b4.txt',
      '003_f7a75abec57e02c2.txt',
      '004_7280a6711755d420.txt',
    ]);
  });

  it('has at least 25 claims, 40 mentions and 8 events, and every article is mentioned', () => {
    if (!story) throw new Error('bundled story missing');
    expect(story.claims.length).toBeGreaterThanOrEqual(25);
    expect(story.mentions.length).toBeGreaterThanOrEqual(40);
    expect(story.events.length).toBeGreaterThanOrEqual(8);
    const mentioned = new Set(story.mentions.map((m) => m.article));
    expect([...mentioned].sort()).toEqual(story.articles.map((a) => a.id).sort());
  });

  it('resolves every evidence span of every story at its offsets, with its prefix and suffix', () => {
    let spans = 0;
    for (const s of corpus.stories) {
      const bodies = new Map(s.articles.map((a) => [a.id, a.body]));
      for (const mention of s.mentions) {
        for (const span of mention.spans) {
          const body = bodies.get(span.article);
          expect(body, `${mention.id} names a known article`).toBeDefined();
          expect(checkSpan(body ?? '', span), `${mention.id} at ${span.start}`).toEqual({ ok: true });
          spans += 1;
        }
      }
    }
    expect(spans).toBeGreaterThanOrEqual(40);
  });

  it('ends every attribution chain with the outlet that published the article', () => {
    if (!story) throw new Error('bundled story missing');
    const outletOf = new Map(story.articles.map((a) => [a.id, a.outlet]));
    for (const mention of story.mentions) {
      expect(mention.attribution.at(-1), mention.id).toEqual({ kind: 'outlet', id: outletOf.get(mention.article) });
    }
  });

  it('records Al-Araby Al-Jadeed and The New Arab as one outlet', () => {
    const outlet = corpus.outlets.find((o) => o.id === 'al-araby-al-jadeed');
    expect(outlet?.aliases).toContain('The New Arab');
  });

  it('keeps every article body exactly as received', () => {
    for (const article of story?.articles ?? []) {
      expect(article.body.length, article.id).toBeGreaterThan(1000);
      expect(article.sentences.length, article.id).toBeGreaterThan(5);
    }
  });
});
