/** Writes the large story into a SQLite database through the real store, with a manifest beside it. */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedReport } from '../../server/store/store';
import { MIGRATION_NAMES } from '../../server/store/sql/migrations';
import { openSqliteStore } from '../../server/store/sql/sql-store';
import {
  DEFAULT_LARGE_STORY_SEED,
  generateLargeStory,
  LARGE_STORY_GENERATOR_VERSION,
  LARGE_STORY_SIZES,
  type LargeStorySizes,
} from './generate-large-story';

export const DEFAULT_LARGE_STORY_DB = join(fileURLToPath(new URL('..', import.meta.url)), '.cache', 'large-story.db');

export type LargeStoryManifest = {
  generatorVersion: number;
  /** The store's schema version (migrations applied): a newer schema rebuilds the database. */
  schemaVersion: number;
  seed: number;
  sizes: LargeStorySizes;
};

export type WriteResult = {
  path: string;
  manifest: LargeStoryManifest;
  report: SeedReport;
  generateMs: number;
  writeMs: number;
  bytes: number;
};

export const manifestPath = (dbPath: string) => `${dbPath}.manifest.json`;

/** The large story `scale` times over: as many articles, claims, mentions and events per unit. */
export function scaledSizes(scale: number): LargeStorySizes {
  if (!Number.isSafeInteger(scale) || scale < 1)
    throw new Error(`the scale must be a whole number from 1, not ${scale}`);
  const { articles, claims, mentions, events, outlets, actors } = LARGE_STORY_SIZES;
  return {
    articles: articles * scale,
    claims: claims * scale,
    mentions: mentions * scale,
    events: events * scale,
    outlets,
    actors,
  };
}

/** Where the large story of a scale is kept: the default path at scale 1, one beside it per other scale. */
export const largeStoryDbPath = (scale: number) =>
  scale === 1 ? DEFAULT_LARGE_STORY_DB : DEFAULT_LARGE_STORY_DB.replace(/\.db$/, `-x${scale}.db`);

function expectedManifest(seed: number, scale = 1): LargeStoryManifest {
  return {
    generatorVersion: LARGE_STORY_GENERATOR_VERSION,
    schemaVersion: MIGRATION_NAMES.length,
    seed,
    sizes: scaledSizes(scale),
  };
}

/** Generates the large story for `seed` and writes it to a fresh database at `path`. */
export async function writeLargeStoryDb(
  path: string,
  seed = DEFAULT_LARGE_STORY_SEED,
  scale = 1,
): Promise<WriteResult> {
  // The manifest goes first and comes back last: a run that stops half way leaves none.
  for (const file of [manifestPath(path), path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  const manifest = expectedManifest(seed, scale);

  const generateStart = performance.now();
  const corpus = generateLargeStory({ seed, ...manifest.sizes });
  const generateMs = performance.now() - generateStart;

  const writeStart = performance.now();
  const store = await openSqliteStore(path);
  let report: SeedReport;
  try {
    report = await store.seed(corpus);
  } finally {
    await store.close();
  }
  const writeMs = performance.now() - writeStart;

  writeFileSync(manifestPath(path), `${JSON.stringify(manifest, null, 2)}\n`);
  return { path, manifest, report, generateMs, writeMs, bytes: statSync(path).size };
}

/** Whether `path` holds the large story of this generator version and seed. */
export function isLargeStoryDbCurrent(path: string, seed = DEFAULT_LARGE_STORY_SEED, scale = 1): boolean {
  if (!existsSync(path) || !existsSync(manifestPath(path))) return false;
  try {
    const found: unknown = JSON.parse(readFileSync(manifestPath(path), 'utf8'));
    return JSON.stringify(found) === JSON.stringify(expectedManifest(seed, scale));
  } catch {
    return false;
  }
}

/** Returns the database path, generating it first when it is missing or stale. */
export async function ensureLargeStoryDb(
  path = DEFAULT_LARGE_STORY_DB,
  seed = DEFAULT_LARGE_STORY_SEED,
  scale = 1,
): Promise<{ path: string; written: WriteResult | null }> {
  if (isLargeStoryDbCurrent(path, seed, scale)) return { path, written: null };
  return { path, written: await writeLargeStoryDb(path, seed, scale) };
}

export function describeWrite(result: WriteResult): string {
  const { report, generateMs, writeMs, bytes, manifest } = result;
  return [
    `wrote ${result.path} (${(bytes / 1024 / 1024).toFixed(1)} MiB, seed ${manifest.seed}, generator v${manifest.generatorVersion})`,
    `  ${report.stories} story, ${report.articles} articles, ${report.claims} claims, ${report.mentions} mentions, ${report.events} events`,
    `  generated in ${(generateMs / 1000).toFixed(1)} s, written in ${(writeMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
