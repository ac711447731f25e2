import type { Mention } from './schemas';
import { isOpposing, isSupporting } from './stance-rules';

/** A source for the claim and a source against it. */
export type ContradictionPair<M extends Pick<Mention, 'id' | 'article' | 'stance'>> = {
  support: M;
  opposition: M;
  /** One article carries both: it reports the claim and its denial. */
  sameArticle: boolean;
};

/**
 * Every pairing of a mention for the claim with a mention against it, in the order of the
 * mentions: the ways the coverage contradicts itself on this claim. Empty when the claim is
 * not contested.
 */
export function contradictionPairs<M extends Pick<Mention, 'id' | 'article' | 'stance'>>(
  mentions: readonly M[],
): ContradictionPair<M>[] {
  const support = mentions.filter((m) => isSupporting(m.stance));
  const opposition = mentions.filter((m) => isOpposing(m.stance));
  return support.flatMap((s) =>
    opposition.map((o) => ({ support: s, opposition: o, sameArticle: s.article === o.article })),
  );
}
