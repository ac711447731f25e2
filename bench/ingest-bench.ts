import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';
import { createInProcessAnalyser } from '../server/ingest/article-analyser';
import { createStoryIngester } from '../server/ingest/story-ingester';
import { openSqliteStore } from '../server/store/sql/sql-store';
import { createIngestContext, prepareArticle } from '../server/ingest/prepare-article';
import { claimQueriesOf } from '@/domain/ingest/claim-queries';
import { prepareClaimQueries, suggestClaims } from '@/domain/ingest/claim-suggestions';
import { TermStatistics } from '@/domain/ingest/bm25';
import { findDatePhrases } from '@/domain/ingest/date-phrases';
import { createNameMatcher } from '@/domain/ingest/known-names';
import { count, ms, ratio } from './bench-format';
import type { BenchModule } from './bench-types';
import { generateLargeStory } from './large-story/generate-large-story';

const EXISTING = 100;
const INGESTED = 1000;
/** The whole ingest may take at most this many times as long as only reading and splitting the texts. */
const INGEST_RATIO_BUDGET = 30;

/** CPU time of this process since `start`, in ms: other load on a shared machine does not count. */
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/**
 * Adding coverage: 1,000 generated articles through the whole normalization pipeline
 * (decode, segment, analyse, duplicate check, claim suggestions against the story's claims)
 * against only reading and splitting the same text, in the same run.
 */
export const ingestBench: BenchModule = {
  name: 'ingest',
  async run() {
    const corpus = generateLargeStory({
      seed: 7,
      articles: EXISTING + INGESTED,
      claims: 500,
      mentions: 2000,
      events: 30,
    });
    const story = corpus.stories[0]!;
    const existing = story.articles.slice(0, EXISTING);
    const existingIds = new Set(existing.map((a) => a.id));
    const incoming = story.articles.slice(EXISTING).map((a) => ({
      content: new TextEncoder().encode(a.body),
      outlet: a.outlet,
      published: a.published.date,
    }));
    const context = createIngestContext({
      story: {
        story: story.story,
        outlets: corpus.outlets,
        actors: corpus.actors,
        articles: existing.map(({ body: _b, paragraphs: _p, sentences: _s, ...meta }) => meta),
        claims: story.claims,
        mentions: story.mentions.filter((m) => existingIds.has(m.article)),
        events: [],
        passages: [],
      },
      bodies: new Map(existing.map((a) => [a.id, a.body])),
      outlets: corpus.outlets,
      actors: corpus.actors,
    });

    const readAndSplit = () => {
      let sentences = 0;
      for (const item of incoming) {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(item.content);
        sentences += splitSentences(text, splitParagraphs(text)).length;
      }
      return sentences;
    };
    let suggestions = 0;
    const pipeline = () => {
      for (const item of incoming) {
        const result = prepareArticle({ ...item, url: null }, context);
        if (!result.ok) throw new Error(result.problem.message);
        suggestions += result.prepared.suggestions.length;
      }
    };

    readAndSplit();
    // The baseline is short: the median of five runs.
    const baselines: number[] = [];
    let sentences = 0;
    for (let run = 0; run < 5; run += 1) {
      const baselineStart = process.cpuUsage();
      sentences = readAndSplit();
      baselines.push(cpuMsSince(baselineStart));
    }
    const baseline = baselines.sort((a, b) => a - b)[2]!;
    const pipelineStart = process.cpuUsage();
    pipeline();
    const full = cpuMsSince(pipelineStart);

    // The whole path of `npm run ingest`: the same articles into a SQLite story, stored one
    // transaction each, shared passages brought up to date once at the end of the batch.
    const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-bench-'));
    const store = await openSqliteStore(join(dir, 'ingest.db'));
    let stored: number;
    try {
      await store.seed({
        outlets: corpus.outlets,
        actors: corpus.actors,
        stories: [{ ...story, articles: existing, mentions: context.story.mentions, events: [], passages: [] }],
      });
      const storeStart = process.cpuUsage();
      const ingester = await createStoryIngester(store, createInProcessAnalyser(), story.story.id);
      if (!ingester) throw new Error('the bench story is missing');
      for (const item of incoming) {
        const outcome = await ingester.add({ ...item, url: null }, { deferPassages: true });
        if (!outcome.ok) throw new Error(outcome.problem.message);
      }
      await ingester.finish();
      stored = cpuMsSince(storeStart);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }

    return [
      matchingTable(),
      {
        title: `Adding coverage: ${count(INGESTED)} generated articles into a story of ${count(EXISTING)} articles and ${count(story.claims.length)} claims`,
        columns: ['what', 'CPU', 'articles / CPU s', '× read+split'],
        rows: [
          ['read and split only (baseline)', ms(baseline), count(Math.round((INGESTED / baseline) * 1000)), '1.0×'],
          [
            'normalize + analyse + suggest',
            ms(full),
            count(Math.round((INGESTED / full) * 1000)),
            ratio(full / baseline),
          ],
          [
            'whole ingest into SQLite (as npm run ingest)',
            ms(stored),
            count(Math.round((INGESTED / stored) * 1000)),
            ratio(stored / baseline),
          ],
        ],
        notes: [
          `${count(sentences)} sentences; ${count(suggestions)} claim suggestions made.`,
          `× read+split: the CPU time ÷ the CPU time to only decode and split the same texts in this run (median of 5); budget for the whole ingest ${INGEST_RATIO_BUDGET}×: ${stored / baseline <= INGEST_RATIO_BUDGET ? 'met' : 'MISSED'}.`,
          'CPU time of this process (process.cpuUsage), so other load on a shared machine does not count.',
          'The whole ingest stores each article in its own transaction and updates shared passages once per batch.',
        ],
        failed: stored / baseline > INGEST_RATIO_BUDGET,
      },
    ];
  },
};

const MATCH_CLAIMS = 5000;
const MATCH_WORDS = 2000;
const MATCH_BUDGET_MS = 200;

/**
 * Matching one long article against a story of 5,000 claims, in CPU time (process.cpuUsage,
 * so that other work on a shared machine does not count): the claims' queries are prepared
 * once per story, as the server does; the article's matching is what each addition costs.
 */
function matchingTable() {
  const corpus = generateLargeStory({ seed: 11, articles: 400, claims: MATCH_CLAIMS, mentions: 8000, events: 30 });
  const story = corpus.stories[0]!;
  const matchNames = createNameMatcher(corpus.actors, corpus.outlets);
  const background = new TermStatistics(story.articles.slice(0, 100).map((a) => a.body));
  const claims = prepareClaimQueries(claimQueriesOf(story), matchNames);
  let body = '';
  for (const article of story.articles.slice(100)) {
    if (body.split(/\s+/).length >= MATCH_WORDS) break;
    body += `${article.body}\n\n`;
  }
  body = body
    .split(/(?<=\s)/)
    .slice(0, MATCH_WORDS)
    .join('')
    .trim();
  const paragraphs = splitParagraphs(body);
  const sentences = splitSentences(body, paragraphs);
  const article = { body, sentences, published: '2024-04-20', dates: findDatePhrases(body, '2024-04-20') };
  const cpu = () => {
    const start = process.cpuUsage();
    const found = suggestClaims(article, claims, background, matchNames);
    const used = process.cpuUsage(start);
    return { ms: (used.user + used.system) / 1000, found: found.length };
  };
  cpu();
  const runs = [cpu(), cpu(), cpu(), cpu(), cpu()];
  const best = runs.map((r) => r.ms).sort((a, b) => a - b);
  const medianMs = best[2]!;
  return {
    title: `Matching a ${count(MATCH_WORDS)}-word article (${count(sentences.length)} sentences) against ${count(claims.length)} claims`,
    columns: ['what', 'CPU (median of 5)', 'budget', 'share of budget'],
    rows: [['suggest claims for every sentence', ms(medianMs), ms(MATCH_BUDGET_MS), ratio(medianMs / MATCH_BUDGET_MS)]],
    notes: [
      `${count(runs[0]!.found)} suggestions; CPU time of this process, so other load on the machine does not count.`,
      `Budget ${ms(MATCH_BUDGET_MS)}: ${medianMs < MATCH_BUDGET_MS ? 'met' : 'MISSED'}.`,
    ],
    failed: medianMs >= MATCH_BUDGET_MS,
  };
}
