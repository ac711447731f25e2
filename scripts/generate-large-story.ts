/**
 * Writes the deterministic large story (2,000 articles, 5,000 claims, 50,000 mentions,
 * 300 events) into a SQLite database through the real store.
 * Run: npm run generate:large -- [--out PATH] [--seed N]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LARGE_STORY_SEED } from '../bench/large-story/generate-large-story';
import { DEFAULT_LARGE_STORY_DB, describeWrite, writeLargeStoryDb } from '../bench/large-story/large-story-db';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: DEFAULT_LARGE_STORY_DB },
    seed: { type: 'string', default: String(DEFAULT_LARGE_STORY_SEED) },
  },
});

const seed = Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
  console.error(`--seed must be an integer from 0 to ${0xffffffff}, not ${JSON.stringify(values.seed)}`);
  process.exit(2);
}

const started = performance.now();
const result = await writeLargeStoryDb(resolve(values.out), seed);
console.log(describeWrite(result));
console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
