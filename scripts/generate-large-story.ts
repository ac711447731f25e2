/**
 * Writes the deterministic large story (2,000 articles, 5,000 claims, 50,000 mentions,
 * 300 events) into a SQLite database through the real store.
 * Run: npm run generate:large -- [--out PATH] [--seed N] [--scale N]
 * `--scale N` writes the story N times over (N × 2,000 articles…), beside the default one.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LARGE_STORY_SEED } from '../bench/large-story/generate-large-story';
import { describeWrite, largeStoryDbPath, writeLargeStoryDb } from '../bench/large-story/large-story-db';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_LARGE_STORY_SEED) },
    scale: { type: 'string', default: '1' },
  },
});

const seed = Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
  console.error(`--seed must be an integer from 0 to ${0xffffffff}, not ${JSON.stringify(values.seed)}`);
  process.exit(2);
}

const scale = Number(values.scale);
if (!Number.isSafeInteger(scale) || scale < 1 || scale > 64) {
  console.error(`--scale must be a whole number from 1 to 64, not ${JSON.stringify(values.scale)}`);
  process.exit(2);
}

const started = performance.now();
const result = await writeLargeStoryDb(resolve(values.out ?? largeStoryDbPath(scale)), seed, scale);
console.log(describeWrite(result));
console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
