import { describe, expect, it } from 'vitest';
import type { StoryBundle } from '@/domain/schemas';
import { openSqliteStore } from '../store/sql/sql-store';
import { bundledCorpus } from './corpus-test-kit';
import { readStoryDocument } from './story-document';
import { exportStory, importStory } from './story-transfer';

const by = { editor: 'ada', at: '2024-05-06T12:00:00.000Z' };

/** What a story says, without the id of the story it is in. */
const content = (bundle: StoryBundle) => ({
  claims: bundle.claims.map(({ story: _story, ...claim }) => claim),
  mentions: bundle.mentions,
  spans: bundle.mentions.flatMap((m) => m.spans),
  events: bundle.events.map(({ story: _story, ...event }) => event),
  articles: bundle.articles.map(({ story: _story, source, ...meta }) => ({ ...meta, url: source.url })),
  passages: bundle.passages.map(({ story: _story, id: _id, ...passage }) => passage),
  notes: bundle.story.notes,
  outlets: bundle.outlets,
  actors: bundle.actors,
});

describe('a story exported and imported', () => {
  it('re-imports the bundled story into a fresh database under a new id with the same claims, mentions, spans and events', async () => {
    const corpus = bundledCorpus();
    const storyId = corpus.stories[0]!.story.id;
    const source = await openSqliteStore(':memory:');
    const target = await openSqliteStore(':memory:');
    try {
      await source.seed(corpus);
      const document = await exportStory(source, storyId);
      expect(document).not.toBeNull();
      // One JSON document: what travels is the text, not the objects.
      const sent: unknown = JSON.parse(JSON.stringify(document));
      const result = await importStory(target, sent, { asId: 'rafah-copy', by });
      expect(result.kind).toBe('imported');
      const original = (await source.getStoryBundle(storyId))!;
      const copy = (await target.getStoryBundle('rafah-copy'))!;
      expect(copy.story).toMatchObject({ id: 'rafah-copy', title: original.story.title });
      expect(copy.claims.every((c) => c.story === 'rafah-copy')).toBe(true);
      expect(content(copy)).toEqual(content(original));
      expect(copy.mentions.length).toBeGreaterThan(20);
      expect(copy.events.length).toBeGreaterThan(3);
      const texts = async (store: typeof source, id: string) =>
        (await store.listStoryArticles(id)).map((a) => [a.id, a.body, a.sentences]);
      expect(await texts(target, 'rafah-copy')).toEqual(await texts(source, storyId));
      expect(await target.listStoryAudit('rafah-copy')).toEqual([
        expect.objectContaining({ action: 'imported', editor: 'ada', object: 'story' }),
      ]);
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });

  it('refuses a document the corpus loader refuses, naming the file and field, and stores nothing', async () => {
    const corpus = bundledCorpus();
    const store = await openSqliteStore(':memory:');
    try {
      await store.seed(corpus);
      const document = (await exportStory(store, corpus.stories[0]!.story.id))!;
      const mentions = document.files['mentions.json'] as { claim: string }[];
      mentions[2]!.claim = 'no-such-claim';
      const result = await importStory(store, document, { asId: 'broken', by });
      expect(result).toEqual({
        kind: 'invalid',
        field: 'files.mentions.json[2].claim',
        message: 'mentions.json: [2].claim: unknown claim "no-such-claim"',
      });
      expect((await store.listStories()).map((s) => s.id)).toEqual([corpus.stories[0]!.story.id]);
      // Under its own id every id it uses is taken.
      const again = await importStory(store, (await exportStory(store, corpus.stories[0]!.story.id))!, { by });
      expect(again).toMatchObject({ kind: 'taken', field: 'id' });
    } finally {
      await store.close();
    }
  });

  it('names what is wrong with the document itself', () => {
    const known = { outlets: [], actors: [] };
    expect(readStoryDocument({ format: 'other' }, known)).toMatchObject({ ok: false, field: 'format' });
    expect(
      readStoryDocument({ format: 'parallax-story', version: 1, outlets: [], actors: [], files: {} }, known),
    ).toMatchObject({
      ok: false,
      field: 'files.story.json.id',
    });
    const noArticles = {
      format: 'parallax-story',
      version: 1,
      outlets: [],
      actors: [],
      files: { 'story.json': { id: 's', title: 'S', summary: '' } },
    };
    expect(readStoryDocument(noArticles, known)).toMatchObject({ ok: false, field: 'files.articles.json' });
  });
});
