import { readCorpusDir } from '../../../../server/corpus/read-corpus-dir';
import type { StoryBundle } from '../../../domain/schemas';
import { indexStory } from '../../../domain/story-index';

/** The bundled Rafah story as the API serves it, for tests of the timeline's logic (Node only). */
export function bundledStory() {
  const corpus = readCorpusDir();
  const story = corpus.stories.find((s) => s.story.id === 'rafah-scg-2024');
  if (!story) throw new Error('the bundled story is missing');
  const bundle: StoryBundle = {
    story: story.story,
    outlets: corpus.outlets,
    actors: corpus.actors,
    articles: story.articles.map(({ id, story: storyId, outlet, title, published, source }) => ({
      id,
      story: storyId,
      outlet,
      title,
      published,
      source,
    })),
    claims: story.claims,
    mentions: story.mentions,
    events: story.events,
    passages: story.passages,
  };
  return { bundle, index: indexStory(bundle) };
}
