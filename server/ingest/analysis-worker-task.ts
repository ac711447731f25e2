import type { MessagePort } from 'node:worker_threads';
import { createTaskRunner, type AnalysisTask } from './article-analyser';

const run = createTaskRunner();

/**
 * The task every analysis worker thread runs, with the contexts that thread keeps. It says
 * on `started` when it begins, so the time limit counts the analysis, not the thread's start.
 */
export function runAnalysisTask({ started, ...task }: AnalysisTask & { started: MessagePort }) {
  started.postMessage('started');
  started.close();
  return run(task);
}
