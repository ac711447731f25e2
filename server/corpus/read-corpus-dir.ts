import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type Corpus, type CorpusSource } from './load-corpus';

/** The corpus that ships with the project. */
export const BUNDLED_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

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
