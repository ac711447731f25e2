import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/** Gzip in the thread pool; made when first used, so the module also loads where Node's zlib is absent (the static edition). */
const gzip = (input: Buffer, options: { level: number }) => promisify(gzipCallback)(input, options);
const gunzip = (input: Uint8Array) => promisify(gunzipCallback)(input);

/** Compressed once per story version, so the smaller body is worth the time (in the thread pool). */
const GZIP_LEVEL = 9;

/**
 * A story read serialized once per story version: its JSON gzipped, and the JSON itself on
 * demand. Only the compressed bytes are kept: the JSON of a large story is ten times their
 * size (the whole story of the large one × 4: 112 MiB against 14 MiB), more than the cache
 * holds, and every browser accepts gzip; a client that does not gets it inflated again.
 */
export type CachedStoryRead = {
  gzip: Uint8Array<ArrayBuffer>;
  json: () => Promise<Uint8Array<ArrayBuffer>>;
};

/** Node's buffers here are never over shared memory. */
const bytes = (buffer: Buffer) => buffer as Uint8Array<ArrayBuffer>;

type Key = { storyId: string; read: string; etag: string };

/**
 * Story reads (the overview, the whole story) kept serialized and compressed per story
 * version, at most `maxBytes` of them (least recently used first out). A key names the story's
 * version, so a change to the story is a new key: the entry of the version before it is
 * dropped when the new one is stored, and a stale entry is never served.
 */
export function createStoryReadCache(maxBytes = 96 * 1024 * 1024) {
  const cache = new LRUCache<string, CachedStoryRead, () => Promise<unknown>>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.gzip.length),
    // One load per key however many requests ask for it at once.
    fetchMethod: async (_key, _stale, { context }) => {
      const body = await context();
      if (body === null) return undefined;
      const compressed = bytes(await gzip(Buffer.from(JSON.stringify(body)), { level: GZIP_LEVEL }));
      return { gzip: compressed, json: async () => bytes(await gunzip(compressed)) };
    },
  });
  /** The key last stored per story and read, whose entry a newer version replaces. */
  const latest = new Map<string, string>();

  return {
    /** The serialized read of this version, loaded (once) when it is not kept; null when `load` finds nothing. */
    async get({ storyId, read, etag }: Key, load: () => Promise<unknown>): Promise<CachedStoryRead | null> {
      const key = `${read}\u0000${storyId}\u0000${etag}`;
      const entry = await cache.fetch(key, { context: load });
      if (!entry) return null;
      const slot = `${read}\u0000${storyId}`;
      const previous = latest.get(slot);
      if (previous !== key) {
        if (previous !== undefined) cache.delete(previous);
        latest.set(slot, key);
      }
      return entry;
    },
    /** How many bytes are kept, for tests and benches. */
    get size() {
      return cache.calculatedSize;
    },
  };
}

export type StoryReadCache = ReturnType<typeof createStoryReadCache>;
