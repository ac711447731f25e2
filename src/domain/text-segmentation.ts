import type { CharRange } from './schemas';

/**
 * Abbreviations after which a full stop does not end a sentence. Lower-cased, without
 * the final dot. Kept short and explicit: each one is a case the sentence splitter got
 * wrong on newsroom copy.
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'sen',
  'rep',
  'gov',
  'pres',
  'st',
  'jr',
  'sr',
  'no',
  'vs',
  'etc',
  'inc',
  'corp',
  'ltd',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.n',
  'u.k',
  'e.u',
  'd.c',
]);

/**
 * "10 a.m." ends a sentence only when no day, month or time zone follows it: "at 10 a.m. Monday"
 * is one sentence, "began at 9 p.m. The delegates left." two. The segmenter splits after both.
 */
const TIME_OF_DAY_END = /\b[ap]\.m\.$/i;
const CONTINUES_TIME =
  /^(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b|^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|^(?:local|[ECMP][SD]?T|GMT|UTC)\b/;

/** One segmenter for every call: creating one costs far more than segmenting a paragraph. */
const SENTENCE_SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Paragraphs: each line with text, trimmed of surrounding white space. */
export function splitParagraphs(body: string): CharRange[] {
  const ranges: CharRange[] = [];
  const linePattern = /[^\n]+/g;
  for (let match = linePattern.exec(body); match; match = linePattern.exec(body)) {
    const range = trimRange(body, match.index, match.index + match[0].length);
    if (range) ranges.push(range);
  }
  return ranges;
}

/** Sentences within each paragraph, robust to abbreviations such as "U.S." and "Mr.". */
export function splitSentences(body: string, paragraphs = splitParagraphs(body)): CharRange[] {
  const sentences: CharRange[] = [];
  for (const [paragraphStart, paragraphEnd] of paragraphs) {
    const pieces: CharRange[] = [];
    for (const [chunkStart, chunkEnd] of segmentableChunks(body, paragraphStart, paragraphEnd)) {
      for (const segment of SENTENCE_SEGMENTER.segment(body.slice(chunkStart, chunkEnd))) {
        const start = chunkStart + segment.index;
        const range = trimRange(body, start, start + segment.segment.length);
        if (range) pieces.push(range);
      }
    }
    for (const sentence of mergeAfterAbbreviations(body, pieces)) sentences.push(sentence);
  }
  return sentences;
}

/** Paragraphs longer than this are segmented in pieces (see segmentableChunks). */
export const SEGMENTER_CHUNK = 2_000;

/**
 * Cuts a long paragraph into pieces of about SEGMENTER_CHUNK characters, each ending after a
 * sentence mark and white space where there is one. Intl.Segmenter grows worse than
 * quadratically on one huge paragraph; on bounded pieces the whole split stays linear. A cut
 * after "U.S. " or an initial is healed by mergeAfterAbbreviations, which sees all pieces.
 */
function segmentableChunks(body: string, start: number, end: number): CharRange[] {
  if (end - start <= SEGMENTER_CHUNK) return [[start, end]];
  const chunks: CharRange[] = [];
  let from = start;
  while (end - from > SEGMENTER_CHUNK) {
    const limit = from + SEGMENTER_CHUNK;
    let cut = -1;
    let space = -1;
    // Back from the limit to half the chunk: the last sentence mark followed by white space.
    for (let i = limit; i > from + SEGMENTER_CHUNK / 2; i -= 1) {
      if (!/\s/.test(body[i] ?? '')) continue;
      if (space < 0) space = i;
      if (/[.!?"”’)]/.test(body[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = space > 0 ? space : limit;
    // Never between the halves of a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(body[cut] ?? '')) cut += 1;
    chunks.push([from, cut]);
    from = cut;
  }
  chunks.push([from, end]);
  return chunks;
}

function mergeAfterAbbreviations(body: string, pieces: CharRange[]): CharRange[] {
  const merged: CharRange[] = [];
  for (const piece of pieces) {
    const previous = merged.at(-1);
    if (previous && continuesAcross(sentenceTail(body, previous), body.slice(piece[0], piece[1]))) {
      previous[1] = piece[1];
    } else {
      merged.push([piece[0], piece[1]]);
    }
  }
  return merged;
}

/**
 * The last characters of a sentence, enough to see an abbreviation: checking the whole
 * sentence again after every merge would make a run of initials quadratic. A cut tail starts
 * with a letter, so a word that runs past the cut is never taken for an abbreviation.
 */
function sentenceTail(body: string, [start, end]: CharRange): string {
  const from = Math.max(start, end - 64);
  return (from > start ? 'x' : '') + body.slice(from, end);
}

function continuesAcross(sentence: string, next: string): boolean {
  return endsWithAbbreviation(sentence) || (TIME_OF_DAY_END.test(sentence) && CONTINUES_TIME.test(next));
}

function endsWithAbbreviation(sentence: string): boolean {
  const match = /(?:^|[\s("'“‘])((?:[A-Za-z]\.)*[A-Za-z]+)\.$/.exec(sentence);
  if (!match?.[1]) return false;
  const word = match[1].toLowerCase();
  // A lone capital such as the "J." of a name is an initial, not a sentence end.
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}

function trimRange(body: string, start: number, end: number): CharRange | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(body[from] ?? '')) from += 1;
  while (to > from && /\s/.test(body[to - 1] ?? '')) to -= 1;
  return from < to ? [from, to] : null;
}
