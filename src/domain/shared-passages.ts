import type { Passage, Span } from './schemas';
import { anchorAt } from './span-anchoring';
import { foldText } from './text-folding';

/** Shorter runs are commonplace phrases ("the White House said on Thursday"), not copied text. */
export const MIN_PASSAGE_WORDS = 8;

export type PassageSource = {
  id: string;
  body: string;
  /** Page furniture (captions, pull-quotes): never part of a passage. */
  furniture?: readonly { start: number; end: number }[];
};

export type SharedPassageOptions = {
  /** The shortest run of words two articles must share to count as a passage. */
  minWords?: number;
};

/*
 * Words as the comparison sees them: letters and digits, with inner dots and apostrophes
 * folded away so that "U.S." reads as "US" and "Israel’s" as "Israel's". Everything else
 * (quotes of any shape, commas, dashes, white space) only separates words.
 */
const WORD = /[\p{L}\p{N}]+((?:[.'’‘ʼ`´][\p{L}\p{N}]+)*)/gu;
const INNER_MARKS = /[.'’‘ʼ`´]/g;

function normalizeWord(word: string, hasInnerMarks: boolean): string {
  return foldText(hasInnerMarks ? word.replace(INNER_MARKS, '') : word);
}

/** The words of every article in one flat table, interned as numbers, with their offsets. */
type WordTable = {
  count: number;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The line each word is on, counted across all articles: a passage never runs across a line break. */
  lines: Int32Array;
  /** Article i owns words [articleStart[i], articleStart[i + 1]). */
  articleStart: Int32Array;
};

function tabulateWords(articles: readonly PassageSource[]): WordTable {
  const interned = new Map<string, number>();
  const characters = articles.reduce((sum, article) => sum + article.body.length, 0);
  let capacity = Math.max(64, characters >> 2);
  let ids = new Int32Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let lines = new Int32Array(capacity);
  let count = 0;
  let line = 0;
  const articleStart = new Int32Array(articles.length + 1);
  articles.forEach(({ body, furniture = [] }, i) => {
    articleStart[i] = count;
    line += 1;
    let newline = body.indexOf('\n');
    WORD.lastIndex = 0;
    for (let match = WORD.exec(body); match; match = WORD.exec(body)) {
      while (newline !== -1 && newline < match.index) {
        line += 1;
        newline = body.indexOf('\n', newline + 1);
      }
      const at = match.index;
      if (furniture.some((piece) => at < piece.end && piece.start < at + match[0].length)) {
        // A new line number, so no passage runs across the furniture either.
        line += 1;
        continue;
      }
      const word = normalizeWord(match[0], match[1] !== '');
      let id = interned.get(word);
      if (id === undefined) {
        id = interned.size;
        interned.set(word, id);
      }
      if (count === capacity) {
        capacity *= 2;
        ids = grow(ids, capacity);
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
        lines = grow(lines, capacity);
      }
      ids[count] = id;
      starts[count] = match.index;
      ends[count] = match.index + match[0].length;
      lines[count] = line;
      count += 1;
    }
  });
  articleStart[articles.length] = count;
  return { count, ids, starts, ends, lines, articleStart };
}

function grow(array: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}

/** A 32-bit hash of the `k` words from `at`. */
function shingleHash(ids: Int32Array, at: number, k: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < at + k; i += 1) hash = Math.imul(hash ^ (ids[i] as number), 0x01000193);
  return hash ^ (hash >>> 16);
}

function sameWords(ids: Int32Array, x: number, y: number, k: number): boolean {
  for (let i = 0; i < k; i += 1) if (ids[x + i] !== ids[y + i]) return false;
  return true;
}

/**
 * Finds the passages that two or more articles carry nearly verbatim: runs of at least
 * `minWords` words that match once case, quotes, punctuation, white space and dotted
 * abbreviations are set aside. A passage never runs across a line break.
 *
 * Every run of `minWords` words (a shingle) goes into one hash index, so the work grows with
 * the total length of the text, not with the number of article pairs:
 *
 * 1. A shingle is shared when a second article has it too.
 * 2. Shared shingles that always follow one another form a run that every copy carries in
 *    full (a unitig, in the terms of sequence assembly); each place it occurs is a region.
 * 3. A run whose every copy is directly preceded (or else followed) by copies of one other
 *    run is the longer version of the same quote, and joins that run's passage. So a
 *    statement that some outlets quote in full and others in part is one passage, while two
 *    unrelated quotes that happen to share a stock phrase are not chained together.
 */
export function findSharedPassages(
  storyId: string,
  articles: readonly PassageSource[],
  { minWords = MIN_PASSAGE_WORDS }: SharedPassageOptions = {},
): Passage[] {
  if (!Number.isInteger(minWords) || minWords < 1) throw new RangeError('minWords must be a positive integer');
  const k = minWords;
  const words = tabulateWords(articles);
  const { ids, lines, articleStart } = words;
  const total = words.count;
  /** Shingles of article i start at words [articleStart[i], lastShingle(i)]. */
  const lastShingle = (article: number) => (articleStart[article + 1] as number) - k;

  // 1. The index: one bucket per distinct shingle, with its first place and whether a second
  // article has it. Open addressing over typed arrays; exact, since a probe compares the words.
  const mask = (1 << Math.max(4, Math.ceil(Math.log2(total * 2 + 1)))) - 1;
  const slots = new Int32Array(mask + 1).fill(NONE);
  const slotHashes = new Int32Array(mask + 1);
  const bucketOf = new Int32Array(total).fill(NONE);
  const bucketFirst = new Int32Array(total);
  const bucketArticle = new Int32Array(total);
  const bucketShared = new Uint8Array(total);
  let buckets = 0;
  for (let article = 0; article < articles.length; article += 1) {
    const last = lastShingle(article);
    for (let at = articleStart[article] as number; at <= last; at += 1) {
      if (lines[at] !== lines[at + k - 1]) continue;
      const hash = shingleHash(ids, at, k);
      let slot = hash & mask;
      let bucket = slots[slot] as number;
      while (bucket !== NONE && !(slotHashes[slot] === hash && sameWords(ids, bucketFirst[bucket] as number, at, k))) {
        slot = (slot + 1) & mask;
        bucket = slots[slot] as number;
      }
      if (bucket === NONE) {
        bucket = buckets;
        buckets += 1;
        slots[slot] = bucket;
        slotHashes[slot] = hash;
        bucketFirst[bucket] = at;
        bucketArticle[bucket] = article;
      } else if (bucketArticle[bucket] !== article) {
        bucketShared[bucket] = 1;
      }
      bucketOf[at] = bucket;
    }
  }
  const sharedAt = (at: number) => {
    const bucket = bucketOf[at] as number;
    return bucket !== NONE && bucketShared[bucket] === 1;
  };

  // 2. The shingle that follows (precedes) every copy of a shingle, when there is one.
  const next = new Int32Array(buckets).fill(UNSET);
  const previous = new Int32Array(buckets).fill(UNSET);
  for (let article = 0; article < articles.length; article += 1) {
    const first = articleStart[article] as number;
    const last = lastShingle(article);
    for (let at = first; at <= last; at += 1) {
      if (!sharedAt(at)) continue;
      const bucket = bucketOf[at] as number;
      agree(next, bucket, at < last && sharedAt(at + 1) ? (bucketOf[at + 1] as number) : NONE);
      agree(previous, bucket, at > first && sharedAt(at - 1) ? (bucketOf[at - 1] as number) : NONE);
    }
  }

  // Regions: the places of each run. A run is named by its first shingle's bucket.
  const regionOf = new Int32Array(total).fill(NONE);
  const regionRun: number[] = [];
  const regionArticle: number[] = [];
  const regionFirst: number[] = [];
  const regionLast: number[] = [];
  for (let article = 0; article < articles.length; article += 1) {
    let open = NONE;
    const last = lastShingle(article);
    for (let at = articleStart[article] as number; at <= last; at += 1) {
      if (!sharedAt(at)) {
        open = NONE;
        continue;
      }
      const bucket = bucketOf[at] as number;
      const before = bucketOf[at - 1] as number;
      if (open !== NONE && next[before] === bucket && previous[bucket] === before) {
        regionLast[open] = at;
      } else {
        open = regionRun.length;
        regionRun.push(bucket);
        regionArticle.push(article);
        regionFirst.push(at);
        regionLast.push(at);
      }
      regionOf[at] = open;
    }
  }

  // 3. The run that directly precedes (follows) every copy of a run, when there is one.
  const runBefore = new Int32Array(buckets).fill(UNSET);
  const runAfter = new Int32Array(buckets).fill(UNSET);
  for (let region = 0; region < regionRun.length; region += 1) {
    const run = regionRun[region] as number;
    const article = regionArticle[region] as number;
    const first = regionFirst[region] as number;
    const last = regionLast[region] as number;
    const before = first > (articleStart[article] as number) ? (regionOf[first - 1] as number) : NONE;
    const after = last < lastShingle(article) ? (regionOf[last + 1] as number) : NONE;
    agree(runBefore, run, before === NONE ? NONE : (regionRun[before] as number));
    agree(runAfter, run, after === NONE ? NONE : (regionRun[after] as number));
  }
  const parent = Int32Array.from({ length: buckets }, (_, i) => i);
  const root = (bucket: number): number => {
    let r = bucket;
    while (parent[r] !== r) {
      const up = parent[parent[r] as number] as number;
      parent[r] = up;
      r = up;
    }
    return r;
  };
  for (const run of new Set(regionRun)) {
    const before = runBefore[run] as number;
    const target = before >= 0 ? before : (runAfter[run] as number);
    if (target < 0 || target === run) continue;
    const a = root(run);
    const b = root(target);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }

  const groups = new Map<number, number[]>();
  for (let region = 0; region < regionRun.length; region += 1) {
    const r = root(regionRun[region] as number);
    const group = groups.get(r);
    if (group) group.push(region);
    else groups.set(r, [region]);
  }

  const passages: Passage[] = [];
  const usedIds = new Set<string>();
  // Regions are numbered in article order, then text order, so passages come out in reading order.
  for (const regions of groups.values()) {
    const spans = spansOf(regions, articles, words, regionArticle, regionFirst, regionLast, k);
    // Spans come in article order: two articles at least means the first and last differ.
    if (spans.length < 2 || spans[0]?.article === spans.at(-1)?.article) continue;
    const longest = spans.reduce((best, span) => (span.exact.length > best.exact.length ? span : best));
    passages.push({ id: passageId(storyId, spans[0] as Span, usedIds), story: storyId, text: longest.exact, spans });
  }
  return passages;
}

const NONE = -1;
/** Not seen yet; NONE once two places disagree. */
const UNSET = -2;

/** Records `value` for `key`, or NONE once the places seen so far disagree. */
function agree(table: Int32Array, key: number, value: number): void {
  const seen = table[key] as number;
  if (seen === UNSET) table[key] = value;
  else if (seen !== value) table[key] = NONE;
}

/** One span per region, overlapping regions of one article merged. */
function spansOf(
  regions: number[],
  articles: readonly PassageSource[],
  words: WordTable,
  regionArticle: number[],
  regionFirst: number[],
  regionLast: number[],
  k: number,
): Span[] {
  const ranges: { article: number; start: number; end: number }[] = [];
  for (const region of regions) {
    const article = regionArticle[region] as number;
    const start = words.starts[regionFirst[region] as number] as number;
    const end = words.ends[(regionLast[region] as number) + k - 1] as number;
    const previous = ranges.at(-1);
    if (previous && previous.article === article && start <= previous.end) previous.end = Math.max(previous.end, end);
    else ranges.push({ article, start, end });
  }
  return ranges.map(({ article, start, end }) => {
    const source = articles[article] as PassageSource;
    return { article: source.id, ...anchorAt(source.body, start, end) };
  });
}

/** A stable slug: the same passage gets the same id each time the story is seeded. */
function passageId(storyId: string, first: Span, used: Set<string>): string {
  const base = `passage-${hashHex(`${storyId}\u0000${first.article}\u0000${first.start}\u0000${first.end}`)}`;
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function hashHex(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x2f6b9a1d;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
