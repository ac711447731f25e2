import type { ArticleMeta } from '@/domain/schemas';
import { isOpposing, isSupporting } from '@/domain/stance-rules';
import type { AnyStoryIndex } from '@/domain/story-index';
import { MAX_PANES } from '@/domain/url-state/url-vocabulary';

export { MAX_PANES };

/** Side by side means two at least, when the story has them. */
export const DEFAULT_PANE_COUNT = 2;

export type ResolvedPanes = {
  /** The articles shown, in reading order. */
  panes: string[];
  /** Ids in the link that are not articles of this story. */
  unknown: string[];
  /** Articles of this story the link names beyond the MAX_PANES that fit. */
  overflow: string[];
  /** True when the link named no article and the view chose. */
  chosen: boolean;
};

/**
 * The panes of the view. Without articles in the link, a selected claim opens an article that
 * supports it beside one that opposes it (the comparison a journalist comes for), else the
 * articles that carry it; anything missing is filled with the story's first articles.
 */
export function resolvePanes(
  requested: readonly string[],
  claim: string | null,
  articles: readonly ArticleMeta[],
  index: AnyStoryIndex,
): ResolvedPanes {
  const known = requested.filter((id) => index.articles.has(id));
  const unknown = requested.filter((id) => !index.articles.has(id));
  if (known.length > 0) {
    return { panes: known.slice(0, MAX_PANES), unknown, overflow: known.slice(MAX_PANES), chosen: false };
  }

  const picked: string[] = [];
  const add = (id: string | undefined) => {
    if (id !== undefined && !picked.includes(id) && picked.length < DEFAULT_PANE_COUNT) picked.push(id);
  };
  const mentions = (claim && index.mentionsByClaim.get(claim)) || [];
  if (mentions.length > 0) {
    const order = new Map(articles.map((article, i) => [article.id, i]));
    const sorted = [...mentions].sort((a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0));
    add(sorted.find((m) => isSupporting(m.stance))?.article);
    add(sorted.find((m) => isOpposing(m.stance))?.article);
    for (const mention of sorted) add(mention.article);
  }
  for (const article of articles) add(article.id);
  return { panes: picked, unknown, overflow: [], chosen: true };
}
