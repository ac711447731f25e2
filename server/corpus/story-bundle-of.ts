import type { StoryBundle } from '@/domain/schemas';
import type { Corpus } from './load-corpus';

/** A corpus story as the API serves it (article metadata without bodies), for tests and benches. */
export function storyBundleOf(corpus: Corpus, storyId?: string): StoryBundle {
  const story = storyId ? corpus.stories.find((s) => s.story.id === storyId) : corpus.stories[0];
  if (!story) throw new Error(`the corpus has no story ${storyId ?? ''}`.trim());
  return {
    story: story.story,
    outlets: corpus.outlets,
    actors: corpus.actors,
    articles: story.articles.map(({ body: _body, paragraphs: _paragraphs, sentences: _sentences, ...meta }) => meta),
    claims: story.claims,
    mentions: story.mentions,
    events: story.events,
    passages: story.passages,
  };
}
