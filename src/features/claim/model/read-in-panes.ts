import { MAX_PANES } from '@/domain/url-state';

/**
 * The Sources panes that "Read in …" opens: the reader's open panes with this article added
 * (the oldest dropped past the limit), not this article alone. With no panes open yet, the
 * article beside the first other article that mentions the claim, so there is something to
 * compare it with.
 */
export function readInPanes(open: readonly string[], article: string, mentioning: readonly string[]): string[] {
  if (open.includes(article)) return [...open];
  if (open.length > 0) return [...open, article].slice(-MAX_PANES);
  const other = mentioning.find((id) => id !== article);
  return other === undefined ? [article] : [article, other];
}
