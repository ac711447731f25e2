/** `npm run ingest -- FILE... --story ID --outlet NAME --published DATE [--url URL]` (see INGEST_USAGE). */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../server/config';
import { createAnalysisPool } from '../server/ingest/analysis-pool';
import { createPageFetcher } from '../server/ingest/fetch-page';
import { openStore } from '../server/store/open-store';
import { runIngestCommand } from './ingest-command';

const config = readConfig(process.env, process.cwd());
const store = await openStore(config);
const analyser = createAnalysisPool({ timeLimitMs: config.analysisTimeLimitMs, threads: 1 });
try {
  const summary = await runIngestCommand(store, process.argv.slice(2), {
    readFile: (path) => readFile(path),
    out: (line) => console.log(line),
    analyser,
    fetchPage: createPageFetcher({ allow: config.fetchAllow }),
  });
  process.exitCode = summary === null || summary.errors > 0 ? 1 : 0;
} finally {
  await analyser.close();
  await store.close();
}
