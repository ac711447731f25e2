import { tokenize } from './tokens';

export type Bm25Options = { k1?: number; b?: number };

/**
 * Okapi BM25 over a fixed set of documents. Document frequencies may come from a wider
 * corpus than the documents scored (a story's other articles), which keeps the weights of
 * a single short article from being noise.
 */
export class Bm25Index {
  private readonly docs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly averageLength: number;
  private readonly documentFrequency = new Map<string, number>();
  private readonly corpusSize: number;
  private readonly k1: number;
  private readonly b: number;

  constructor(documents: readonly string[], background: readonly string[] = [], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.docs = documents.map((doc) => termCounts(tokenize(doc)));
    this.lengths = this.docs.map((counts) => [...counts.values()].reduce((sum, n) => sum + n, 0));
    this.averageLength = this.lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, this.lengths.length) || 1;
    const all = [...this.docs, ...background.map((doc) => termCounts(tokenize(doc)))];
    this.corpusSize = all.length;
    for (const counts of all) {
      for (const term of counts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  idf(term: string): number {
    const n = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.corpusSize - n + 0.5) / (n + 0.5));
  }

  /** The score of every document for the query, in document order. */
  score(query: string | readonly string[]): number[] {
    const terms = termCounts(typeof query === 'string' ? tokenize(query) : query.flatMap((q) => tokenize(q)));
    return this.docs.map((counts, i) => {
      const length = this.lengths[i] ?? 0;
      let total = 0;
      for (const [term, queryWeight] of terms) {
        const frequency = counts.get(term);
        if (!frequency) continue;
        const norm = frequency + this.k1 * (1 - this.b + (this.b * length) / this.averageLength);
        // Repeated query terms (from several evidence quotes) count, but with diminishing weight.
        total += this.idf(term) * ((frequency * (this.k1 + 1)) / norm) * Math.log2(1 + queryWeight);
      }
      return total;
    });
  }
}

function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
