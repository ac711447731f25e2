import type { Passage } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { joinNames } from './join-names';

/** "Shared passage, also in The Jerusalem Post and The New York Times" for each passage of the article. */
export function labelPassages(
  passages: readonly Passage[],
  articleId: string,
  index: AnyStoryIndex,
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const passage of passages) {
    const others = [...new Set(passage.spans.map((span) => span.article))].filter((id) => id !== articleId);
    const names = others.map((id) => {
      const meta = index.articles.get(id);
      return (meta && index.outlets.get(meta.outlet)?.name) ?? meta?.title ?? id;
    });
    const shown = names.length > 3 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
    labels.set(passage.id, `Shared passage, also in ${joinNames(shown)}`);
  }
  return labels;
}
