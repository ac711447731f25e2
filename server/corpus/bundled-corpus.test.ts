import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS_DIR, readCorpusDir } from './read-corpus-dir';

/*
 * What the loader cannot know: that the bundled story is there and complete. What it
 * refuses on its own (unknown ids, spans that do not resolve, malformed files) is tested
 * in load-corpus.test.ts; loading here already proves the bundled files pass those checks.
 */
const STORY_ID = 'rafah-scg-2024';
const corpus = readCorpusDir();

function bundledStory() {
  const story = corpus.stories.find((s) => s.story.id === STORY_ID);
  if (!story) throw new Error(`the bundled corpus has no story "${STORY_ID}"`);
  return story;
}

describe('the bundled corpus', () => {
  it('holds the Rafah story with its five seed articles', () => {
    expect(bundledStory().articles.map((a) => a.source.file)).toEqual([
      '000_8afd1a478485ac90.txt',
      '001_2550a2c150cccb37.txt',
      '002_2c3146867d4d03b4.txt',
      '003_f7a75abec57e02c2.txt',
      '004_7280a6711755d420.txt',
    ]);
  });

  it('has at least 25 claims, 40 mentions and 8 events, and every article is mentioned', () => {
    const story = bundledStory();
    expect(story.claims.length).toBeGreaterThanOrEqual(25);
    expect(story.mentions.length).toBeGreaterThanOrEqual(40);
    expect(story.events.length).toBeGreaterThanOrEqual(8);
    const mentioned = new Set(story.mentions.map((m) => m.article));
    expect([...mentioned].sort()).toEqual(story.articles.map((a) => a.id).sort());
  });

  it('ends every attribution chain with the outlet that published the article', () => {
    const story = bundledStory();
    const outletOf = new Map(story.articles.map((a) => [a.id, a.outlet]));
    const last = story.mentions.map((m) => [m.id, m.attribution.at(-1)]);
    expect(last).toEqual(story.mentions.map((m) => [m.id, { kind: 'outlet', id: outletOf.get(m.article) }]));
  });

  it('records Al-Araby Al-Jadeed and The New Arab as one outlet', () => {
    const outlet = corpus.outlets.find((o) => o.id === 'al-araby-al-jadeed');
    expect(outlet?.aliases).toContain('The New Arab');
  });

  it('keeps every article body exactly as received, byte for byte', () => {
    for (const article of bundledStory().articles) {
      if (!article.source.file) throw new Error(`${article.id} names no source file`);
      const file = join(BUNDLED_CORPUS_DIR, 'stories', STORY_ID, 'articles', article.source.file);
      expect(article.body === readFileSync(file, 'utf8'), article.id).toBe(true);
      expect(article.sentences.length, article.id).toBeGreaterThan(5);
    }
  });
});
