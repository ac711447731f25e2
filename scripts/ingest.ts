/** `npm run ingest -- FILE... --story ID --outlet NAME --published DATE [--url URL]` (see INGEST_USAGE). */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../server/config';
import { openStore } from '../server/store/open-store';
import { runIngestCommand } from './ingest-command';

const config = readConfig(process.env, process.cwd());
const store = await openStore(config);
try {
  const summary = await runIngestCommand(store, process.argv.slice(2), {
    readFile: (path) => readFile(path),
    out: (line) => console.log(line),
  });
  process.exitCode = summary === null || summary.errors > 0 ? 1 : 0;
} finally {
  await store.close();
}
