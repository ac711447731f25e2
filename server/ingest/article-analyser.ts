import type { Article, Passage } from '@/domain/schemas';
import type { ClaimSuggestion } from '@/domain/ingest/claim-suggestions';
import { fingerprintText } from '@/domain/ingest/decode-input';
import { createNameMatcher } from '@/domain/ingest/known-names';
import { findSharedPassages } from '@/domain/shared-passages';
import {
  analyseArticle,
  createIngestContext,
  prepareArticle,
  previewArticle,
  withStoredArticle,
  type ArticleAnalysis,
  type IngestContext,
  type IngestInput,
  type IngestProblem,
  type IngestResult,
  type IngestSources,
  type PreviewResult,
} from './prepare-article';

/**
 * What an article is compared with. A `key` names a context that only grows by stored
 * articles and outlets (one batch of additions): the analysis keeps it and brings it up to
 * date instead of building it again from every body of the story.
 */
export type AnalysisSources = IngestSources & { key?: string };

export type PrepareTask = {
  kind: 'prepare';
  input: IngestInput;
  sources: AnalysisSources;
  /** Also compute the story's shared passages with the new article in it. */
  withPassages: boolean;
};
export type ReviewTask = { kind: 'review'; article: Article; sources: AnalysisSources };
/** A document read as adding it would read it, compared with nothing. */
export type PreviewTask = { kind: 'preview'; content: Uint8Array; fileName?: string };
export type AnalysisTask = PrepareTask | ReviewTask | PreviewTask;

export type PrepareAnswer = (IngestResult & { ok: false }) | (IngestResult & { ok: true; passages: Passage[] | null });
export type ReviewAnswer =
  { ok: true; analysis: ArticleAnalysis; suggestions: ClaimSuggestion[] } | { ok: false; problem: IngestProblem };
export type PreviewAnswer = PreviewResult;

/** Runs the normalization and analysis of articles, in this thread or in a pool of workers. */
export type ArticleAnalyser = {
  prepare(task: Omit<PrepareTask, 'kind'>): Promise<PrepareAnswer>;
  review(task: Omit<ReviewTask, 'kind'>): Promise<ReviewAnswer>;
  preview(task: Omit<PreviewTask, 'kind'>): Promise<PreviewAnswer>;
  close(): Promise<void>;
};

/** A few contexts are kept: one batch at a time is the rule, two overlapping ones are rare. */
const KEPT_CONTEXTS = 4;

/** One task runner with its kept contexts; each worker thread has its own. */
export function createTaskRunner() {
  const kept = new Map<string, IngestContext>();

  const contextFor = (sources: AnalysisSources): IngestContext => {
    const { key, ...plain } = sources;
    if (key === undefined) return createIngestContext(plain);
    let context = kept.get(key) ?? createIngestContext(plain);
    for (const [id, body] of plain.bodies) {
      if (!context.bodies.has(id)) context = withStoredArticle(context, { id, body }, fingerprintText(body), null);
    }
    if (plain.outlets.length !== context.outlets.length) {
      context = { ...context, outlets: plain.outlets, matchNames: createNameMatcher(plain.actors, plain.outlets) };
    }
    context = { ...context, story: plain.story };
    kept.delete(key);
    kept.set(key, context);
    for (const old of kept.keys()) if (kept.size > KEPT_CONTEXTS) kept.delete(old);
    return context;
  };

  return (task: AnalysisTask): PrepareAnswer | ReviewAnswer | PreviewAnswer => {
    if (task.kind === 'preview') return previewArticle(task.content, task.fileName);
    const context = contextFor(task.sources);
    if (task.kind === 'review') return { ok: true, ...analyseArticle(task.article, 'text', context) };
    const result = prepareArticle(task.input, context);
    if (!result.ok) return result;
    const { article } = result.prepared;
    const passages = task.withPassages
      ? findSharedPassages(article.story, [...[...context.bodies].map(([id, body]) => ({ id, body })), article])
      : null;
    return { ...result, passages };
  };
}

/** Analysis on the calling thread, without a time limit: for tests and the mock API. */
export function createInProcessAnalyser(): ArticleAnalyser {
  const run = createTaskRunner();
  return {
    prepare: (task) => Promise.resolve(run({ kind: 'prepare', ...task }) as PrepareAnswer),
    review: (task) => Promise.resolve(run({ kind: 'review', ...task }) as ReviewAnswer),
    preview: (task) => Promise.resolve(run({ kind: 'preview', ...task }) as PreviewAnswer),
    close: () => Promise.resolve(),
  };
}
