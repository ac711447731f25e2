import { dayNumber } from '../calendar-days';
import type { CharRange } from '../schemas';
import { Bm25Index, TermStatistics } from './bm25';
import type { DatePhrase } from './date-phrases';
import { proposePairStance, readSentenceCues, type SentenceCues, type StanceProposal } from './stance-cues';
import { normalizeText, stem, tokenize } from './tokens';

/** A stretch of days, as day numbers, both ends included. */
export type DayRange = { start: number; end: number };

/** Known people, offices, outlets and places named in a text, by id with the name as written. */
export type NameFinder = (text: string) => readonly { id: string; text: string }[];

export type ClaimQuery = {
  id: string;
  text: string;
  /** Quotes that already carry the claim in other articles: they say it the way outlets do. */
  evidence: readonly string[];
  /** The days the claim is about: its events' dates and days written in its wording. */
  days?: readonly DayRange[];
  /** Claims that this claim's evidence elsewhere contradicts (the same words carry both). */
  contradicts?: readonly string[];
  /** Some source already denies or contradicts it: a denial of "the report" likely means it. */
  contested?: boolean;
};

/** A claim's query, worked out once for every article it is matched against. */
export type PreparedClaimQuery = {
  id: string;
  text: string;
  weights: ReadonlyMap<string, number>;
  /** Terms of the claim's own wording, for saying which words a sentence shares with it. */
  own: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  numbers: ReadonlySet<string>;
  days: readonly DayRange[];
  contradicts: readonly string[];
  contested: boolean;
};

/**
 * How much each term of a claim weighs. The claim's own wording leads; its evidence in other
 * articles adds the words outlets use, but a term only one quote has weighs half, so a single
 * badly accepted span cannot pull unrelated sentences towards the claim.
 */
function claimWeights(text: string, evidence: readonly string[]): Map<string, number> {
  const quotesWith = new Map<string, number>();
  for (const quote of evidence)
    for (const term of new Set(tokenize(quote))) quotesWith.set(term, (quotesWith.get(term) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const term of new Set(tokenize(text))) weights.set(term, 1.6 + Math.min(1, 0.4 * (quotesWith.get(term) ?? 0)));
  for (const [term, quotes] of quotesWith) {
    if (weights.has(term)) continue;
    weights.set(term, quotes >= 3 ? 1 : quotes === 2 ? 0.8 : 0.3);
  }
  return weights;
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
};

const MONTH_NEAR =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

/** Quantities in a text, normalized: "300", "20,000", "one million" = "1000000", "1.4 million". */
export function numbersIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /\b(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(hundred|thousand|million))?\b/gi,
  )) {
    // A day of a month is a date, not a quantity.
    const around = text.slice(Math.max(0, m.index - 10), m.index + m[0].length + 10);
    if (/\d/.test(m[1] ?? '') && MONTH_NEAR.test(around)) continue;
    const raw = (m[1] ?? '').toLowerCase();
    const scale = m[2]?.toLowerCase();
    const base = Number((NUMBER_WORDS[raw] ?? raw).replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    // Small bare numbers ("two sides", "a 14-kilometre strip" aside) say little about a claim.
    const value = scale ? base * Number(NUMBER_WORDS[scale]) : base;
    if (!scale && value < 10) continue;
    if (value >= 1900 && value <= 2100 && !scale) continue;
    found.add(String(value));
  }
  return found;
}

export function prepareClaimQueries(
  claims: readonly ClaimQuery[],
  findNames: NameFinder = () => [],
): PreparedClaimQuery[] {
  return claims.map((claim) => {
    const names = new Map<string, string>();
    for (const name of findNames(claim.text)) if (!names.has(name.id)) names.set(name.id, name.text);
    // A name the evidence gives in two or more quotes is what the claim is about, too.
    const evidenceNames = new Map<string, { text: string; quotes: number }>();
    for (const quote of claim.evidence)
      for (const name of new Map(findNames(quote).map((n) => [n.id, n.text])))
        evidenceNames.set(name[0], { text: name[1], quotes: (evidenceNames.get(name[0])?.quotes ?? 0) + 1 });
    for (const [id, { text, quotes }] of evidenceNames) if (quotes >= 2 && !names.has(id)) names.set(id, text);
    return {
      id: claim.id,
      text: claim.text,
      weights: claimWeights(claim.text, claim.evidence),
      own: new Set(tokenize(claim.text)),
      names,
      numbers: numbersIn(claim.text),
      days: claim.days ?? [],
      contradicts: claim.contradicts ?? [],
      contested: claim.contested ?? false,
    };
  });
}

export type ClaimSuggestion = {
  claim: string;
  /** Index into the article's sentences. */
  sentence: number;
  range: CharRange;
  text: string;
  /** How well the sentence fits the claim, for ordering; the reasons say why in words. */
  score: number;
  /** Why the sentence was matched to the claim, in plain words. */
  reasons: string[];
  proposal: StanceProposal;
};

export type SuggestOptions = {
  /** At most this many claims per sentence. */
  perSentence?: number;
  /** Below this score a claim is noise for a sentence: nothing is suggested. */
  minScore?: number;
  /** A candidate must score at least this share of the sentence's best. */
  relative?: number;
};

/**
 * Calibrated on the tuning part of eval/ingest only (`npm run eval:ingest` prints the
 * held-out part apart): the score is on the scale of BM25 ÷ √(the claim's own score). A
 * second or third candidate must reach half the best: below that it was wrong far more
 * often than right, and it crowded the first cards of the review.
 */
export const DEFAULT_MIN_SCORE = 1.6;
export const DEFAULT_RELATIVE = 0.5;
const NAME_WEIGHT = 0.3;
const NUMBER_WEIGHT = 0.4;
export const DEFAULT_PER_SENTENCE = 3;

export type ArticleToMatch = {
  body: string;
  sentences: readonly CharRange[];
  published: string;
  /** Date phrases found in the body, resolved against the publication date. */
  dates?: readonly DatePhrase[];
  /**
   * Known names already found in the whole body, in order: each sentence takes those within
   * it instead of being searched again. Without them, each sentence is searched on its own.
   */
  names?: readonly { id: string; text: string; range: CharRange }[];
};

/** Each sentence's known names (id → the words the text uses), from the body's names in order. */
function namesBySentence(
  sentences: readonly CharRange[],
  names: readonly { id: string; text: string; range: CharRange }[],
): Map<string, string>[] {
  let next = 0;
  return sentences.map(([start, end]) => {
    const inSentence = new Map<string, string>();
    while (next < names.length && names[next]!.range[0] < start) next += 1;
    for (let i = next; i < names.length && names[i]!.range[0] < end; i += 1) {
      const name = names[i]!;
      if (name.range[1] <= end) inSentence.set(name.id, name.text);
    }
    return inSentence;
  });
}

const DATE_TOLERANCE_DAYS = 7;
const MAX_DATE_FACTOR = 1.25;

function near(a: DayRange, b: DayRange, tolerance: number): boolean {
  return a.start - tolerance <= b.end && b.start - tolerance <= a.end;
}

type DateFit = { factor: number; reason: string | null };

/**
 * Dates of the sentence (its own phrases, else those of the sentence before it that had
 * some) against the claim's days: far apart means another occasion — the 1 April meeting
 * is not the 18 April one; a claim about days after the publication cannot be reported yet.
 */
function dateFit(sentenceDays: SentenceDays, claim: PreparedClaimQuery, published: number): DateFit {
  if (claim.days.length === 0) return { factor: 1, reason: null };
  const earliest = Math.min(...claim.days.map((d) => d.start));
  if (earliest > published + DATE_TOLERANCE_DAYS)
    return { factor: 0.15, reason: 'the claim is about days after the article was published' };
  const days = sentenceDays.own.length > 0 ? sentenceDays.own : sentenceDays.inherited;
  if (days.length === 0) return { factor: 1, reason: null };
  const match = days.find((d) => claim.days.some((c) => near(d.range, c, DATE_TOLERANCE_DAYS)));
  if (match) {
    // Only a claim about a day, not about weeks, is confirmed by a sentence's day.
    const close = claim.days.some((c) => c.end - c.start <= 2 && near(match.range, c, 1));
    return close && sentenceDays.own.length > 0
      ? { factor: MAX_DATE_FACTOR, reason: `the date fits: “${match.phrase}”` }
      : { factor: 1, reason: null };
  }
  return sentenceDays.own.length > 0
    ? { factor: 0.3, reason: `about another date: “${days[0]?.phrase ?? ''}”` }
    : { factor: 0.55, reason: null };
}

type SentenceDays = {
  own: { range: DayRange; phrase: string }[];
  inherited: { range: DayRange; phrase: string }[];
};

function sentenceDaysOf(article: ArticleToMatch): SentenceDays[] {
  const dates = [...(article.dates ?? [])].sort((a, b) => a.range[0] - b.range[0]);
  let cursor = 0;
  let last: SentenceDays['own'] = [];
  return article.sentences.map(([start, end]) => {
    const own: SentenceDays['own'] = [];
    while (cursor < dates.length && (dates[cursor]?.range[0] ?? 0) < end) {
      const d = dates[cursor]!;
      if (d.range[0] >= start)
        own.push({ range: { start: dayNumber(d.date.start), end: dayNumber(d.date.end) }, phrase: d.phrase });
      cursor += 1;
    }
    const days = { own, inherited: own.length > 0 ? [] : last };
    if (own.length > 0) last = own;
    return days;
  });
}

/** The words a sentence shares with a claim, as the sentence writes them, rarest first. */
function sharedWords(text: string, claim: PreparedClaimQuery, index: Bm25Index): string[] {
  const seen = new Set<string>();
  const words: { word: string; idf: number }[] = [];
  for (const word of normalizeText(text).split(' ')) {
    const term = stem(word);
    if (!claim.own.has(term) || seen.has(term)) continue;
    seen.add(term);
    words.push({ word, idf: index.idf(term) });
  }
  return words
    .sort((a, b) => b.idf - a.idf)
    .slice(0, 5)
    .map((w) => w.word);
}

type Candidate = {
  claim: PreparedClaimQuery;
  score: number;
  /** Worked out only for what is shown. */
  reasons: () => string[];
  relation: 'main' | 'other';
};

/**
 * For each sentence of a new article, in article order, the existing claims it most likely
 * carries: at most three, only above a calibrated threshold, each with a stance proposed for
 * that pair and the reasons in words. Scored by BM25 over normalized words (the claim's
 * wording first, its evidence elsewhere second), names of known people, offices and outlets,
 * numbers, and dates; an empty list is the "no existing claim fits" case.
 */
export function suggestClaims(
  article: ArticleToMatch,
  claims: readonly PreparedClaimQuery[],
  background: TermStatistics = new TermStatistics([]),
  findNames: NameFinder = () => [],
  {
    perSentence = DEFAULT_PER_SENTENCE,
    minScore = DEFAULT_MIN_SCORE,
    relative = DEFAULT_RELATIVE,
  }: SuggestOptions = {},
): ClaimSuggestion[] {
  const { body, sentences } = article;
  const texts = sentences.map(([start, end]) => body.slice(start, end));
  const index = new Bm25Index(texts, background);
  const published = dayNumber(article.published);
  const days = sentenceDaysOf(article);
  const names = article.names
    ? namesBySentence(sentences, article.names)
    : texts.map((text) => new Map(findNames(text).map((n) => [n.id, n.text])));
  const numbers = texts.map((text) => numbersIn(text));
  const claimById = new Map(claims.map((c) => [c.id, c]));

  // Candidates per sentence: only claims with some lexical ground are scored further.
  const perSentenceCandidates: Candidate[][] = texts.map(() => []);
  const scores = new Float64Array(index.size);
  const touched: number[] = [];
  for (const claim of claims) {
    index.scoreWeightsInto(claim.weights, scores, touched);
    // BM25 grows with the claim's query: divided by the square root of what the claim's own
    // wording would score, long and short claims meet on one scale for one threshold.
    let self = 0;
    for (const term of claim.own) self += index.idf(term) * (claim.weights.get(term) ?? 0);
    const scale = 1 / Math.sqrt(Math.max(self, 1));
    const boostCeiling = NAME_WEIGHT * claim.names.size + NUMBER_WEIGHT * claim.numbers.size;
    for (const i of touched) {
      const lexical = (scores[i] ?? 0) * scale;
      scores[i] = 0;
      // Only what can still reach the threshold becomes a candidate: most pairs stop here.
      if (lexical === 0 || (lexical + boostCeiling) * MAX_DATE_FACTOR < minScore) continue;
      const sentenceNames = names[i]!;
      const sentenceNumbers = numbers[i]!;
      let score = lexical;
      if (sentenceNames.size > 0) for (const id of claim.names.keys()) if (sentenceNames.has(id)) score += NAME_WEIGHT;
      if (sentenceNumbers.size > 0) for (const n of claim.numbers) if (sentenceNumbers.has(n)) score += NUMBER_WEIGHT;
      const fit = dateFit(days[i]!, claim, published);
      score *= fit.factor;
      if (score < minScore) continue;
      const reasons = () => {
        const words = sharedWords(texts[i] ?? '', claim, index);
        const sharedNames = [...claim.names.keys()].filter((id) => sentenceNames.has(id));
        const sharedNumbers = [...claim.numbers].filter((n) => sentenceNumbers.has(n));
        return [
          ...(words.length > 0 ? [`words: ${words.join(', ')}`] : []),
          ...(sharedNames.length > 0
            ? [`names: ${sharedNames.map((id) => sentenceNames.get(id) ?? id).join(', ')}`]
            : []),
          ...(sharedNumbers.length > 0
            ? [`the same number: ${sharedNumbers.map((n) => Number(n).toLocaleString('en')).join(', ')}`]
            : []),
          ...(fit.reason ? [fit.reason] : []),
        ];
      };
      perSentenceCandidates[i]!.push({ claim, score, reasons, relation: 'other' });
    }
  }

  const suggestions: ClaimSuggestion[] = [];
  // What the article has relayed so far, for a later denial of "the report".
  const relayed = new Map<string, number>();
  let previous: string | null = null;
  texts.forEach((text, i) => {
    const cues = readSentenceCues(text, previous);
    previous = text;
    const ranked = perSentenceCandidates[i]!.sort((a, b) => b.score - a.score);
    const best = ranked[0]?.score ?? 0;
    const kept = ranked.filter((c) => c.score >= minScore && c.score >= best * relative).slice(0, perSentence);
    if (kept[0]) kept[0].relation = 'main';
    const chosen: (Candidate & { relationOverride?: 'referenced' | 'contradicted' })[] = [...kept];

    if (cues.denial?.referential) {
      const cue = cues.denial.cue;
      const target = [...relayed]
        .map(([id, weight]) => ({ id, weight: weight * (claimById.get(id)?.contested ? 2 : 1) }))
        .sort((a, b) => b.weight - a.weight)[0];
      const claim = target && claimById.get(target.id);
      if (claim) {
        const at = chosen.findIndex((c) => c.claim.id === claim.id);
        const existing = at >= 0 ? chosen.splice(at, 1)[0] : undefined;
        chosen.unshift({
          claim,
          score: Math.max(existing?.score ?? 0, best, minScore),
          reasons: () => [`“${cue}” refers to what the article relays: this claim`, ...(existing?.reasons() ?? [])],
          relation: 'other',
          relationOverride: 'referenced',
        });
        if (kept[0] && kept[0].claim.id !== claim.id) kept[0].relation = 'other';
      }
    }
    // A sentence that says the opposite of a claim ("regardless of Iran") contradicts it
    // when, elsewhere in the story, words carrying this sentence's claim contradict that one.
    if (cues.contrast && !cues.denial) {
      const carriers = chosen.filter((c) => !c.relationOverride);
      for (const carrier of carriers) {
        for (const id of carrier.claim.contradicts) {
          const claim = claimById.get(id);
          const present = chosen.find((c) => c.claim.id === id);
          if (present) present.relationOverride = 'contradicted';
          else if (claim)
            chosen.splice(chosen.indexOf(carrier) + 1, 0, {
              claim,
              score: carrier.score * 0.9,
              reasons: () => [`elsewhere, words that carry “${shorten(carrier.claim.text)}” contradict this claim`],
              relation: 'other',
              relationOverride: 'contradicted',
            });
        }
      }
    }

    for (const candidate of chosen.slice(0, perSentence)) {
      const relation = candidate.relationOverride ?? candidate.relation;
      const proposal = proposePairStance(cues, relation);
      suggestions.push({
        claim: candidate.claim.id,
        sentence: i,
        range: sentences[i] ?? [0, 0],
        text,
        score: Math.round(candidate.score * 100) / 100,
        reasons: candidate.reasons(),
        proposal,
      });
      // What the article is about so far, the claim it leads with weighing most.
      relayed.set(
        candidate.claim.id,
        (relayed.get(candidate.claim.id) ?? 0) +
          candidate.score * (relation === 'main' || relation === 'referenced' ? 1 : 0.5),
      );
    }
  });
  return suggestions;
}

/** Every sentence's score for every claim, for measuring the ranking itself (leave-one-out). */
export function rankSentences(
  article: ArticleToMatch,
  claims: readonly PreparedClaimQuery[],
  background: TermStatistics = new TermStatistics([]),
  findNames: NameFinder = () => [],
): Map<string, number> {
  const best = new Map<string, number>();
  const all = suggestClaims(article, claims, background, findNames, {
    perSentence: claims.length,
    minScore: 0,
    relative: 0,
  });
  const top = new Map<string, number>();
  for (const s of all) {
    if ((top.get(s.claim) ?? -1) < s.score) {
      top.set(s.claim, s.score);
      best.set(s.claim, s.sentence);
    }
  }
  return best;
}

export type { SentenceCues };

const shorten = (text: string) => (text.length <= 80 ? text : `${text.slice(0, 77).replace(/\s+\S*$/, '')}…`);
