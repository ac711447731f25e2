import { readCorpusDir } from '../../../../server/corpus/read-corpus-dir';
import { storyBundleOf } from '../../../../server/corpus/story-bundle-of';
import { indexStory } from '@/domain/story-index';

/** The bundled Rafah story as the API serves it, for tests of the timeline's logic (Node only). */
export function bundledStory() {
  const bundle = storyBundleOf(readCorpusDir(), 'rafah-scg-2024');
  return { bundle, index: indexStory(bundle) };
}
