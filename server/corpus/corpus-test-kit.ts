import type { StoryBundle } from '@/domain/schemas';
import { indexStory } from '@/domain/story-index';
import { CorpusError } from './corpus-error';
import { loadCorpus, type Corpus, type CorpusSource } from './load-corpus';
import { BUNDLED_CORPUS_DIR, directorySource, readCorpusDir } from './read-corpus-dir';
import { storyBundleOf } from './story-bundle-of';

// The one way tests get a corpus: the small hand-checked fixture or the bundled one. Each
// call builds afresh, so a test that changes what it got (or hands it to a store that keeps
// references) cannot leak into another test.
export { fixtureCorpus } from '../store/fixture-corpus';

/** The corpus that ships with the project, as the loader reads it. */
export function bundledCorpus(): Corpus {
  return readCorpusDir();
}

/**
 * One story of the bundled corpus as the API serves it (the first story unless named), with
 * its index; `change` edits the bundle before it is indexed, for tests of unusual data.
 */
export function bundledStory(storyId?: string, change?: (bundle: StoryBundle) => void) {
  const bundle = storyBundleOf(bundledCorpus(), storyId);
  change?.(bundle);
  return { bundle, index: indexStory(bundle) };
}

/** The bundled corpus with one JSON file replaced by what `edit` makes of it (for tests of bad data). */
export function bundledWithEdit(file: string, edit: (data: unknown) => unknown): CorpusSource {
  const real = directorySource(BUNDLED_CORPUS_DIR);
  return {
    storyDirs: () => real.storyDirs(),
    read: (path) => {
      const text = real.read(path);
      return path === file && text !== undefined ? JSON.stringify(edit(JSON.parse(text))) : text;
    },
  };
}

/** The error a corpus load stops with; fails when the corpus loads. */
export function loadError(source: CorpusSource): CorpusError {
  try {
    loadCorpus(source);
  } catch (error) {
    if (error instanceof CorpusError) return error;
    throw error;
  }
  throw new Error('the corpus loaded although it should not');
}
