/**
 * Benchmarks: npm run bench. Each module measures one thing and returns tables; speed is only
 * ever reported as a ratio to a baseline measured in the same run. Add a bench by appending a
 * module to BENCHES.
 */
import { fileURLToPath } from 'node:url';
import { apiBench } from './api-bench';
import { formatTable } from './bench-format';
import type { BenchContext, BenchModule } from './bench-types';
import { bundleSizeBench } from './bundle-size';
import { ingestBench } from './ingest-bench';
import { matrixBench } from './matrix-bench';
import { scaleBench } from './scale-bench';
import { DEFAULT_LARGE_STORY_SEED } from './large-story/generate-large-story';
import { sourcesBench } from './sources-bench';
import { timelineBench } from './timeline-bench';
import { DEFAULT_LARGE_STORY_DB, describeWrite, ensureLargeStoryDb } from './large-story/large-story-db';

const BENCHES: BenchModule[] = [
  apiBench,
  bundleSizeBench,
  sourcesBench,
  matrixBench,
  timelineBench,
  ingestBench,
  scaleBench,
];

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

let largeStory: Promise<string> | null = null;
const context: BenchContext = {
  root,
  largeStoryDb() {
    largeStory ??= (async () => {
      const { path, written } = await ensureLargeStoryDb(DEFAULT_LARGE_STORY_DB, DEFAULT_LARGE_STORY_SEED);
      console.log(written ? describeWrite(written) : `large story: ${path} is current`);
      return path;
    })();
    return largeStory;
  },
};

const only = process.argv.slice(2);
let failed = false;
for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
  const benchStarted = performance.now();
  console.log(`\n[${bench.name}] running…`);
  try {
    for (const table of await bench.run(context)) {
      console.log(`\n${formatTable(table)}`);
      failed ||= table.failed === true;
    }
    console.log(`\n[${bench.name}] done in ${seconds(benchStarted)}`);
  } catch (error) {
    failed = true;
    console.error(`\n[${bench.name}] failed:`, error);
  }
}
console.log(`\nbench finished in ${seconds(started)}${failed ? ' with failures' : ''}`);
process.exitCode = failed ? 1 : 0;
