import type { StanceCell } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';

/** The mentions a verdict may cite as evidence, each named as an editor reads it: "Outlet — denies". */
export function mentionOptionsFor(index: AnyStoryIndex, mentions: readonly StanceCell[]) {
  return mentions.map((mention) => {
    const article = index.articles.get(mention.article);
    const outlet = article && index.outlets.get(article.outlet);
    return { id: mention.id, label: `${outlet?.name ?? mention.article} — ${mention.stance}` };
  });
}
