import { describe, expect, it } from 'vitest';
import { readCorpusDir } from '../server/corpus/read-corpus-dir';
import { evaluate, readEvaluationSet } from './ingest-evaluation';

const share = ({ hit, total }: { hit: number; total: number }) => hit / total;

describe('intake on the labelled wire copy (eval/ingest)', () => {
  const { figures } = evaluate(readCorpusDir(), readEvaluationSet(), 'all');

  it('has the size the measurement needs', () => {
    expect(figures.articles).toBeGreaterThanOrEqual(8);
    expect(figures.truePairs).toBeGreaterThanOrEqual(80);
  });

  it('keeps the intake targets: few and right suggestions, denials and contradictions found', () => {
    expect(share(figures.topPrecision)).toBeGreaterThanOrEqual(0.9);
    expect(figures.suggestions / figures.truePairs).toBeLessThanOrEqual(2);
    expect(share(figures.recall)).toBeGreaterThanOrEqual(0.9);
    expect(share(figures.stance.denies)).toBeGreaterThanOrEqual(0.8);
    expect(share(figures.stance.contradicts)).toBeGreaterThanOrEqual(0.8);
    expect(share(figures.dates)).toBeGreaterThanOrEqual(0.9);
  });

  it('shows mostly right cards first: a second candidate only when it comes close to the best', () => {
    expect(share(figures.firstCards)).toBeGreaterThanOrEqual(0.6);
  });
});
