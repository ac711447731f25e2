import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { stanceSchema, type Stance } from '@/domain/schemas';
import { normalizeText } from '@/domain/ingest/tokens';
import type { Corpus } from '../server/corpus/load-corpus';
import { storyBundleOf } from '../server/corpus/story-bundle-of';
import { createIngestContext, prepareArticle, type PreparedArticle } from '../server/ingest/prepare-article';
import { reviewSuggestions } from '../server/ingest/story-ingester';

export const EVALUATION_FILE = join(import.meta.dirname, '..', 'eval', 'ingest', 'rafah-scg-2024.json');

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'));

const labelledSentenceSchema = z.strictObject({
  text: z.string().check(z.minLength(1)),
  claims: z.record(z.string(), stanceSchema),
  chain: z.optional(z.array(z.string())),
  dates: z.optional(z.array(z.tuple([z.string(), isoDay, isoDay]))),
});

const evaluationSetSchema = z.strictObject({
  story: z.string(),
  about: z.string(),
  articles: z.array(
    z.strictObject({
      id: z.string(),
      split: z.enum(['dev', 'held-out']),
      outlet: z.string(),
      published: isoDay,
      paragraphs: z.array(z.array(labelledSentenceSchema)),
    }),
  ),
});
export type EvaluationSet = z.infer<typeof evaluationSetSchema>;
type LabelledArticle = EvaluationSet['articles'][number];
type LabelledSentence = z.infer<typeof labelledSentenceSchema>;

export function readEvaluationSet(file = EVALUATION_FILE): EvaluationSet {
  const parsed = evaluationSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not an evaluation set'}`);
  }
  return parsed.data;
}

/** The article's body as a desk would paste it: paragraphs on their own lines. */
export function bodyOf(article: LabelledArticle): {
  body: string;
  labels: { range: [number, number]; label: LabelledSentence }[];
} {
  let body = '';
  const labels: { range: [number, number]; label: LabelledSentence }[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    if (p > 0) body += '\n\n';
    paragraph.forEach((label, s) => {
      if (s > 0) body += ' ';
      labels.push({ range: [body.length, body.length + label.text.length], label });
      body += label.text;
    });
  });
  return { body, labels };
}

type Counter = { hit: number; total: number };
const counter = (): Counter => ({ hit: 0, total: 0 });
const count = (c: Counter, hit: boolean) => {
  c.total += 1;
  if (hit) c.hit += 1;
};

export type EvaluationFigures = {
  articles: number;
  sentences: number;
  truePairs: number;
  /** Claim-carrying sentences whose first suggestion is one of their claims, of those with a suggestion. */
  topPrecision: Counter;
  /** Claim-carrying sentences that got no suggestion at all. */
  claimSentencesWithout: number;
  /** Non-claim sentences that got at least one suggestion. */
  nonClaimSentencesWith: Counter;
  suggestions: number;
  /** True (sentence, claim) pairs whose claim is among the sentence's shown candidates. */
  recall: Counter;
  /** Per labelled stance, the true pairs shown with that stance proposed (recall per class). */
  stance: Record<Stance, Counter>;
  chains: Counter;
  dates: Counter;
  /** The first cards of each article's review (as many as one screen shows) that are right. */
  firstCards: Counter;
};

/** How many suggestion cards a review shows before the editor scrolls. */
export const FIRST_CARDS = 12;

export function emptyFigures(): EvaluationFigures {
  return {
    articles: 0,
    sentences: 0,
    truePairs: 0,
    topPrecision: counter(),
    claimSentencesWithout: 0,
    nonClaimSentencesWith: counter(),
    suggestions: 0,
    recall: counter(),
    stance: { asserts: counter(), reports: counter(), denies: counter(), contradicts: counter() },
    chains: counter(),
    dates: counter(),
    firstCards: counter(),
  };
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];
const comparableName = (name: string) => normalizeText(name).replace(/^(?:the|a|an) /, '');
const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * Runs one labelled article through the same pipeline as the API (prepareArticle, then the
 * review's filtering and order) and adds what it got right and wrong to the figures.
 */
export function evaluateArticle(
  article: LabelledArticle,
  prepared: PreparedArticle,
  labels: { range: [number, number]; label: LabelledSentence }[],
  figures: EvaluationFigures,
): string[] {
  const misses: string[] = [];
  const { body, sentences } = prepared.article;
  const shown = reviewSuggestions(prepared.suggestions, new Set(), []);
  const bySentence = new Map<number, typeof shown>();
  for (const suggestion of shown) {
    const list = bySentence.get(suggestion.sentence) ?? [];
    list.push(suggestion);
    bySentence.set(suggestion.sentence, list);
  }
  figures.articles += 1;
  figures.suggestions += shown.length;
  for (const card of shown.slice(0, FIRST_CARDS)) {
    const right = labels.some(({ range, label }) => overlaps(range, card.range) && card.claim in label.claims);
    count(figures.firstCards, right);
  }

  // The pipeline's sentences are what the editor reviews; a labelled sentence the splitter
  // cut in two is judged on every piece it overlaps.
  sentences.forEach((range, index) => {
    const covering = labels.filter(({ range: labelled }) => overlaps(labelled, range));
    const truth = new Set(covering.flatMap(({ label }) => Object.keys(label.claims)));
    const list = bySentence.get(index) ?? [];
    if (truth.size === 0) {
      count(figures.nonClaimSentencesWith, list.length > 0);
      if (list.length > 0)
        misses.push(`${article.id}: "${body.slice(...range).slice(0, 60)}" got ${list.map((s) => s.claim).join(', ')}`);
      return;
    }
    const top = list[0];
    if (!top) figures.claimSentencesWithout += 1;
    else {
      count(figures.topPrecision, truth.has(top.claim));
      if (!truth.has(top.claim))
        misses.push(
          `${article.id}: "${body.slice(...range).slice(0, 60)}" top ${top.claim}, wanted ${[...truth].join(', ')}`,
        );
    }
  });

  for (const { range, label } of labels) {
    figures.sentences += 1;
    const pieces = sentences.flatMap((r, i) => (overlaps(r, range) ? [i] : []));
    const candidates = pieces.flatMap((i) => bySentence.get(i) ?? []);
    for (const [claim, stance] of Object.entries(label.claims)) {
      figures.truePairs += 1;
      const found = candidates.find((s) => s.claim === claim);
      count(figures.recall, Boolean(found));
      // A pair the review does not show cannot get its stance right: it counts as a miss.
      count(figures.stance[stance], found?.proposal.stance === stance);
      if (!found) misses.push(`${article.id}: missed ${claim} in "${label.text.slice(0, 60)}"`);
      else {
        if (found.proposal.stance !== stance)
          misses.push(
            `${article.id}: stance ${found.proposal.stance ?? 'none'} (${found.proposal.cue ?? 'no cue'}) for ${claim}, wanted ${stance}: "${label.text.slice(0, 60)}"`,
          );
      }
    }
    if (label.chain) {
      const found = prepared.analysis.attributions
        .filter((phrase) => overlaps(phrase.range, range))
        .flatMap((phrase) => [phrase.source, phrase.recipient ?? ''])
        .filter(Boolean)
        .map(comparableName);
      const recalled = label.chain.every((step) => {
        const wanted = comparableName(step);
        return found.some((name) => name === wanted || name.includes(wanted) || wanted.includes(name));
      });
      count(figures.chains, recalled);
      if (!recalled)
        misses.push(`${article.id}: chain ${label.chain.join(' → ')} not found in "${label.text.slice(0, 50)}"`);
    }
    for (const [phrase, start, end] of label.dates ?? []) {
      const phraseStart = body.indexOf(phrase, range[0]);
      const phraseRange: [number, number] = [phraseStart, phraseStart + phrase.length];
      const recalled = prepared.analysis.dates.some(
        (d) =>
          overlaps(d.range, phraseRange) &&
          Math.abs(dayNumber(d.date.start) - dayNumber(start)) <= 1 &&
          Math.abs(dayNumber(d.date.end) - dayNumber(end)) <= 1,
      );
      count(figures.dates, recalled);
      if (!recalled) misses.push(`${article.id}: date "${phrase}" (${start}…${end}) not read`);
    }
  }
  return misses;
}

/** Every labelled article against the bundled story as it ships, each on its own. */
export function evaluate(
  corpus: Corpus,
  set: EvaluationSet,
  split: 'dev' | 'held-out' | 'all' = 'all',
): { figures: EvaluationFigures; misses: string[] } {
  const story = corpus.stories.find((s) => s.story.id === set.story);
  if (!story) throw new Error(`the evaluation set is about the story "${set.story}", which the corpus lacks`);
  const context = createIngestContext({
    story: storyBundleOf(corpus, story.story.id),
    bodies: new Map(story.articles.map((a) => [a.id, a.body])),
    outlets: corpus.outlets,
    actors: corpus.actors,
  });
  const figures = emptyFigures();
  const misses: string[] = [];
  for (const article of set.articles) {
    if (split !== 'all' && article.split !== split) continue;
    const { body, labels } = bodyOf(article);
    const result = prepareArticle(
      {
        content: new TextEncoder().encode(body),
        outlet: article.outlet,
        // The editor confirms outlets the story does not know yet.
        createOutlet: true,
        published: article.published,
        url: null,
      },
      context,
    );
    if (!result.ok) throw new Error(`${article.id}: ${result.problem.message}`);
    misses.push(...evaluateArticle(article, result.prepared, labels, figures));
  }
  return { figures, misses };
}

const percent = ({ hit, total }: Counter) =>
  total === 0 ? 'n/a' : `${((hit / total) * 100).toFixed(1)}% (${hit}/${total})`;

export function formatFigures(title: string, f: EvaluationFigures): string {
  return [
    `${title}: ${f.articles} articles, ${f.sentences} labelled sentences, ${f.truePairs} true sentence–claim pairs`,
    `  top suggestion right on claim-carrying sentences: ${percent(f.topPrecision)}; ${f.claimSentencesWithout} claim-carrying sentences got no suggestion`,
    `  suggestions shown: ${f.suggestions} = ${(f.suggestions / Math.max(1, f.truePairs)).toFixed(2)} per true mention; non-claim sentences with a suggestion: ${percent(f.nonClaimSentencesWith)}`,
    `  recall within the shown candidates: ${percent(f.recall)}`,
    `  first ${FIRST_CARDS} cards of each review right: ${percent(f.firstCards)}`,
    `  stance recall per class (shown with the right stance): asserts ${percent(f.stance.asserts)}, reports ${percent(f.stance.reports)}, denies ${percent(f.stance.denies)}, contradicts ${percent(f.stance.contradicts)}`,
    `  attribution-chain recall: ${percent(f.chains)}`,
    `  date-phrase recall: ${percent(f.dates)}`,
  ].join('\n');
}
