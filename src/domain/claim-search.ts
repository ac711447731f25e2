import type { Claim } from './schemas';
import { foldText } from './text-folding';

/** The words of a search text, folded; none for an empty or blank search. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/**
 * A search as a test on folded text: every word of the query occurs in it, in any order,
 * whatever the case and accents. An empty query matches everything.
 */
export function searchMatcher(query: string): (foldedText: string) => boolean {
  const terms = searchTerms(query);
  if (terms.length === 0) return () => true;
  return (foldedText) => terms.every((term) => foldedText.includes(term));
}

export type SearchableClaim = Pick<Claim, 'id' | 'text' | 'topic'>;

/** What a claim is searched by: its wording, its topic and its id, folded. */
export function claimSearchText(claim: SearchableClaim): string {
  return foldText(`${claim.text}\n${claim.topic}\n${claim.id}`);
}

/** The claims a view's `?q=` keeps, the same in every view. */
export function claimMatcher(query: string): (claim: SearchableClaim) => boolean {
  const matches = searchMatcher(query);
  return (claim) => matches(claimSearchText(claim));
}
