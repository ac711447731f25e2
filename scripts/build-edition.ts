/** `npm run build:edition -- --story ID --out DIR [--url URL]` (see EDITION_USAGE). */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { readConfig } from '../server/config';
import { openStore } from '../server/store/open-store';
import { runEditionCommand } from './edition-command';

const config = readConfig(process.env, process.cwd());
const store = await openStore(config);
try {
  process.exitCode = await runEditionCommand(store, process.argv.slice(2), config, {
    buildApp: async (outDir) => {
      await build({
        configFile: fileURLToPath(new URL('../vite.edition.config.ts', import.meta.url)),
        build: { outDir, emptyOutDir: true },
        logLevel: 'warn',
      });
    },
    out: (line) => console.log(line),
  });
} finally {
  await store.close();
}
