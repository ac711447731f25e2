import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, loadCorpusReporting, type Corpus, type CorpusSource } from './load-corpus';

/** The corpus that ships with the project. */
// import.meta.dirname, not import.meta.url: test environments that emulate a browser rewrite the URL.
export const BUNDLED_CORPUS_DIR = join(import.meta.dirname, '..', '..', 'corpus');

export function directorySource(root: string): CorpusSource {
  return {
    read(path) {
      const file = join(root, path);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
    storyDirs() {
      const stories = join(root, 'stories');
      if (!existsSync(stories)) return [];
      return readdirSync(stories, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    },
  };
}

export function readCorpusDir(root = BUNDLED_CORPUS_DIR): Corpus {
  return loadCorpus(directorySource(root));
}

/** The corpus with every story that loads, and the story folders that do not (see loadCorpusReporting). */
export function readCorpusDirReporting(root = BUNDLED_CORPUS_DIR) {
  return loadCorpusReporting(directorySource(root));
}
