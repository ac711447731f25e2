import type { Passage } from '@/domain/schemas';

/** The passages of a story by the articles they stand in. */
export function passagesByArticle(passages: readonly Passage[]): Map<string, Passage[]> {
  const byArticle = new Map<string, Passage[]>();
  for (const passage of passages) {
    for (const article of new Set(passage.spans.map((span) => span.article))) {
      const list = byArticle.get(article);
      if (list) list.push(passage);
      else byArticle.set(article, [passage]);
    }
  }
  return byArticle;
}
