/** `npm run story -- export ID FILE` / `import FILE [--id NEW-ID]` (see STORY_USAGE). */
import { readFile, writeFile } from 'node:fs/promises';
import { readConfig } from '../server/config';
import { openStore } from '../server/store/open-store';
import { runStoryCommand } from './story-command';

const config = readConfig(process.env, process.cwd());
const store = await openStore(config);
try {
  process.exitCode = await runStoryCommand(store, process.argv.slice(2), {
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text),
    out: (line) => console.log(line),
    now: () => new Date(),
  });
} finally {
  await store.close();
}
