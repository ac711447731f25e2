import { tokenize } from './tokens';

export type Bm25Options = { k1?: number; b?: number };

/** Term counts of one text. */
export type TermCounts = ReadonlyMap<string, number>;

export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * Document frequencies of a background corpus (a story's other articles), worked out once
 * and shared by every index scored against it: it keeps the weights of one short article
 * from being noise.
 */
export class TermStatistics {
  readonly documentFrequency = new Map<string, number>();
  readonly size: number;

  constructor(background: readonly string[]) {
    for (const text of background) {
      for (const term of new Set(tokenize(text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    this.size = background.length;
  }
}

const EMPTY_STATISTICS = new TermStatistics([]);

/** A query's terms with their weights, tokenized once for many documents. */
export function queryTerms(texts: readonly string[]): TermCounts {
  return termCounts(texts.flatMap((text) => tokenize(text)));
}

/** Okapi BM25 over a fixed set of documents, with an inverted index so a query touches only its terms. */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; frequency: number }[]>();
  private readonly lengths: number[];
  private readonly averageLength: number;
  private readonly corpusSize: number;
  private readonly k1: number;
  private readonly b: number;

  constructor(
    documents: readonly string[],
    private readonly background: TermStatistics = EMPTY_STATISTICS,
    options: Bm25Options = {},
  ) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.lengths = documents.map((text, doc) => {
      const tokens = tokenize(text);
      for (const [term, frequency] of termCounts(tokens)) {
        const list = this.postings.get(term);
        if (list) list.push({ doc, frequency });
        else this.postings.set(term, [{ doc, frequency }]);
      }
      return tokens.length;
    });
    this.averageLength = this.lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, this.lengths.length) || 1;
    this.corpusSize = documents.length + background.size;
  }

  private readonly idfCache = new Map<string, number>();

  idf(term: string): number {
    const cached = this.idfCache.get(term);
    if (cached !== undefined) return cached;
    const value = this.computeIdf(term);
    this.idfCache.set(term, value);
    return value;
  }

  private computeIdf(term: string): number {
    const n = (this.postings.get(term)?.length ?? 0) + (this.background.documentFrequency.get(term) ?? 0);
    return Math.log(1 + (this.corpusSize - n + 0.5) / (n + 0.5));
  }

  /** The number of documents. */
  get size(): number {
    return this.lengths.length;
  }

  /**
   * Scores weighted query terms into `scores` (one slot per document, zero on entry) and
   * returns the documents touched, so that a caller scoring thousands of queries against one
   * index neither allocates per query nor walks documents the query does not touch. The
   * caller zeroes the touched slots again after reading them.
   */
  scoreWeightsInto(weights: ReadonlyMap<string, number>, scores: Float64Array, touched: number[]): number[] {
    touched.length = 0;
    for (const [term, weight] of weights) {
      const list = this.postings.get(term);
      if (!list) continue;
      const termWeight = this.idf(term) * weight;
      for (const { doc, frequency } of list) {
        const norm = frequency + this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.averageLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] ?? 0) + (termWeight * (frequency * (this.k1 + 1))) / norm;
      }
    }
    return touched;
  }

  /** The score of every document for the query, in document order. */
  score(query: string | readonly string[] | TermCounts): number[] {
    const terms =
      typeof query === 'string'
        ? queryTerms([query])
        : Array.isArray(query)
          ? queryTerms(query)
          : (query as TermCounts);
    const scores = new Array<number>(this.lengths.length).fill(0);
    for (const [term, queryWeight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      // Repeated query terms (from several evidence quotes) count, with diminishing weight.
      const weight = this.idf(term) * Math.log2(1 + queryWeight);
      for (const { doc, frequency } of list) {
        const norm = frequency + this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.averageLength);
        scores[doc] = (scores[doc] ?? 0) + (weight * (frequency * (this.k1 + 1))) / norm;
      }
    }
    return scores;
  }
}
