import { CorpusError } from './corpus-error';
import { loadCorpus, type CorpusSource } from './load-corpus';
import { BUNDLED_CORPUS_DIR, directorySource } from './read-corpus-dir';

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
