import type { CharRange } from '../schemas';
import { Bm25Index, queryTerms, TermStatistics, type TermCounts } from './bm25';
import { proposeStance, type StanceProposal } from './stance-cues';

export type ClaimQuery = {
  id: string;
  text: string;
  /** Quotes that already carry the claim in other articles: they say it the way outlets do. */
  evidence: readonly string[];
};

/** A claim's query, tokenized once for every article it is matched against. */
export type PreparedClaimQuery = { id: string; terms: TermCounts };

export function prepareClaimQueries(claims: readonly ClaimQuery[]): PreparedClaimQuery[] {
  // The claim's own wording counts twice: it is the canonical statement.
  return claims.map((claim) => ({ id: claim.id, terms: queryTerms([claim.text, claim.text, ...claim.evidence]) }));
}

export type ClaimSuggestion = {
  claim: string;
  /** Index into the article's sentences. */
  sentence: number;
  range: CharRange;
  text: string;
  score: number;
  proposal: StanceProposal;
};

export type SuggestOptions = {
  /** How many sentences to suggest per claim. */
  perClaim?: number;
  /** Scores below this are noise for a claim: nothing is suggested. */
  minScore?: number;
};

export const DEFAULT_MIN_SCORE = 4;

/**
 * For each claim, the sentences of a new article most likely to carry it, best first, by
 * BM25 over normalized tokens; the claim's wording and its evidence elsewhere form the query.
 */
export function suggestClaims(
  body: string,
  sentences: readonly CharRange[],
  claims: readonly (ClaimQuery | PreparedClaimQuery)[],
  background: readonly string[] | TermStatistics = [],
  { perClaim = 3, minScore = DEFAULT_MIN_SCORE }: SuggestOptions = {},
): ClaimSuggestion[][] {
  const texts = sentences.map(([start, end]) => body.slice(start, end));
  const statistics = background instanceof TermStatistics ? background : new TermStatistics(background);
  const index = new Bm25Index(texts, statistics);
  const queries = claims.map((claim) => ('terms' in claim ? claim : prepareClaimQueries([claim])[0]!));
  const proposals = new Map<number, StanceProposal>();
  const proposalFor = (i: number) => {
    let proposal = proposals.get(i);
    if (!proposal) {
      proposal = proposeStance(texts[i] ?? '');
      proposals.set(i, proposal);
    }
    return proposal;
  };

  return queries.map((claim) => {
    const scores = index.score(claim.terms);
    return scores
      .map((score, sentence) => ({ score, sentence }))
      .filter(({ score }) => score >= minScore)
      .sort((a, b) => b.score - a.score || a.sentence - b.sentence)
      .slice(0, perClaim)
      .map(({ score, sentence }) => ({
        claim: claim.id,
        sentence,
        range: sentences[sentence] ?? [0, 0],
        text: texts[sentence] ?? '',
        score: Math.round(score * 100) / 100,
        proposal: proposalFor(sentence),
      }));
  });
}
