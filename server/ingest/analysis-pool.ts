import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ArticleAnalyser, PrepareAnswer, PreviewAnswer, ReviewAnswer, AnalysisTask } from './article-analyser';
import type { IngestProblem } from './prepare-article';

export type AnalysisPoolOptions = {
  /** How long one article may take to analyse before it is refused as too long. */
  timeLimitMs: number;
  /** Worker threads; by default one less than the cores (at least one), at most four. */
  threads?: number;
  /** Articles that may wait for a thread; more are refused as busy. */
  maxWaiting?: number;
};

/** How long a new thread may take to load the analysis code (compiled on the fly under tsx). */
const STARTUP_LIMIT_MS = 60_000;

/**
 * Analysis in worker threads, so that no article, however hostile, holds up the event loop
 * that answers every other request. Each article gets `timeLimitMs` from the moment a thread
 * takes it; past that its thread is ended (Piscina terminates a worker whose running task is
 * aborted) and the article refused with `too_long_to_analyse`.
 *
 * Articles wait for a free thread here rather than in Piscina's queue, so that the time limit
 * counts the analysis alone, never the wait behind another article.
 */
export function createAnalysisPool({
  timeLimitMs,
  threads = Math.min(4, Math.max(1, availableParallelism() - 1)),
  maxWaiting = 32,
}: AnalysisPoolOptions): ArticleAnalyser {
  const pool = new Piscina<AnalysisTask & { started: MessagePort }, PrepareAnswer | ReviewAnswer | PreviewAnswer>({
    filename: new URL('./analysis-worker.mjs', import.meta.url).href,
    // One thread is started and loaded at once, so the first article does not wait for it.
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    // An article that makes the analysis grow without bound ends its thread, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  let running = 0;
  const waiting: (() => void)[] = [];
  const seconds = Math.round(timeLimitMs / 100) / 10;

  const refused = (code: IngestProblem['code'], message: string) =>
    ({ ok: false, problem: { code, field: 'content', message } }) as const;

  async function run<A extends PrepareAnswer | ReviewAnswer | PreviewAnswer>(task: AnalysisTask): Promise<A> {
    if (running >= threads) {
      if (waiting.length >= maxWaiting)
        return refused('busy', 'the server is analysing too many articles; try again in a minute') as A;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    // A thread that is (re)started loads the analysis code first: that is not the article's time.
    const startup = setTimeout(() => controller.abort(), STARTUP_LIMIT_MS + timeLimitMs);
    let limit: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      clearTimeout(startup);
      limit = setTimeout(() => controller.abort(), timeLimitMs);
    });
    try {
      return (await pool.run({ ...task, started: port2 }, { signal: controller.signal, transferList: [port2] })) as A;
    } catch (error) {
      if (isLimitError(error)) {
        return refused('too_long_to_analyse', `the article is too long to analyse (over ${seconds} s)`) as A;
      }
      throw error;
    } finally {
      clearTimeout(startup);
      clearTimeout(limit);
      port1.close();
      running -= 1;
      waiting.shift()?.();
    }
  }

  return {
    prepare: (task) => run({ kind: 'prepare', ...task }),
    review: (task) => run({ kind: 'review', ...task }),
    preview: (task) => run({ kind: 'preview', ...task }),
    close: () => pool.destroy(),
  };
}

/** The time limit ran out, or the worker ran out of memory: both mean this article is too much. */
function isLimitError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'AbortError' || (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}
