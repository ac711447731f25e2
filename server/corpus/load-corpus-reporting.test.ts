import { describe, expect, it } from 'vitest';
import { bundledCorpus } from './corpus-test-kit';
import { loadCorpusReporting, type CorpusSource } from './load-corpus';
import { BUNDLED_CORPUS_DIR, directorySource } from './read-corpus-dir';

const real = directorySource(BUNDLED_CORPUS_DIR);
const storyId = bundledCorpus().stories[0]!.story.id;

/** The bundled story twice: as itself, broken in one field, and as a copy in a folder "copy". */
const twoStories: CorpusSource = {
  storyDirs: () => [storyId, 'copy'],
  read(path) {
    if (path.startsWith('stories/copy/')) {
      const text = real.read(path.replace('stories/copy/', `stories/${storyId}/`));
      if (path.endsWith('story.json') && text) return JSON.stringify({ ...JSON.parse(text), id: 'copy' });
      return text;
    }
    const text = real.read(path);
    if (path === `stories/${storyId}/claims.json` && text) {
      const claims = JSON.parse(text) as { topic: unknown }[];
      claims[1]!.topic = 7;
      return JSON.stringify(claims);
    }
    return text;
  },
};

describe('loading a corpus with one broken story folder', () => {
  it('leaves out only that story, naming its file and field', () => {
    const { corpus, problems } = loadCorpusReporting(twoStories);
    expect(corpus.stories.map((s) => s.story.id)).toEqual(['copy']);
    expect(problems).toEqual([
      {
        story: storyId,
        file: `stories/${storyId}/claims.json`,
        field: '[1].topic',
        message: expect.stringContaining(`stories/${storyId}/claims.json: [1].topic:`) as string,
      },
    ]);
  });

  it('loads every story of a sound corpus, with no problems', () => {
    const { corpus, problems } = loadCorpusReporting(real);
    expect(problems).toEqual([]);
    expect(corpus.stories.map((s) => s.story.id)).toEqual([storyId]);
  });
});
