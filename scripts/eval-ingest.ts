import { readCorpusDir } from '../server/corpus/read-corpus-dir';
import { evaluate, formatFigures, readEvaluationSet } from './ingest-evaluation';

/**
 * `npm run eval:ingest [-- --misses]`: the intake pipeline on the labelled wire copy in
 * eval/ingest, with the figures for the tuning part, the held-out part and both.
 */
const corpus = readCorpusDir();
const set = readEvaluationSet();
const showMisses = process.argv.includes('--misses');
for (const split of ['dev', 'held-out', 'all'] as const) {
  const { figures, misses } = evaluate(corpus, set, split);
  console.log(formatFigures(split === 'all' ? 'whole set' : `${split} part`, figures));
  if (showMisses && split !== 'all') console.log(misses.map((m) => `    - ${m}`).join('\n'));
}
