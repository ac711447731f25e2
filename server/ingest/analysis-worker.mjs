// The entry of an analysis worker thread. A worker does not inherit the TypeScript loader of
// the thread that starts it under every runner (vitest has none to give), so it loads the
// task through tsx's scoped import, which works under `tsx`, vitest and plain Node alike.
import { tsImport } from 'tsx/esm/api';

const { runAnalysisTask } = await tsImport('./analysis-worker-task.ts', import.meta.url);

export default runAnalysisTask;
