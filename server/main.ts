import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config';
import { readCorpusDirReporting } from './corpus/read-corpus-dir';
import { startServer, StartupError } from './start-server';
import { describeDatabase } from './store/open-store';

const root = join(import.meta.dirname, '..');
const config = orStop(() => readConfig(process.env, process.cwd()));
const distDir = config.distDir ?? join(root, 'dist');
if (config.buildSpa) await buildSpaIfNeeded();

const { corpus, problems: corpusProblems } = orStop(() => readCorpusDirReporting());
// A story folder with an error is left out, named with its file and field; the others load.
for (const problem of corpusProblems) {
  console.error(`Corpus story "${problem.story}" is disabled: ${problem.message}`);
}
const server = await startServer({ ...config, distDir, corpus, corpusProblems }).catch((error: unknown) => stop(error));
const { seeded } = server;
console.log(
  `Database: ${describeDatabase(config)}` +
    (seeded.stories + seeded.articles + seeded.claims > 0
      ? ` (seeded ${seeded.stories} stories, ${seeded.articles} articles, ${seeded.claims} claims, ${seeded.mentions} mentions, ${seeded.events} events)`
      : ' (up to date)'),
);
console.log(`Parallax is serving ${server.url}/`);
if (server.accounts === 0) {
  const db = process.env.PARALLAX_DB ? `PARALLAX_DB=${JSON.stringify(process.env.PARALLAX_DB)} ` : '';
  console.log(
    [
      '',
      'No accounts yet: anyone can read, nobody can change a verdict. Create the first editor',
      '(it asks for the password; Parallax can keep running):',
      '',
      `  ${db}npm run user -- add YOUR-NAME --role admin`,
      '',
    ].join('\n'),
  );
}

const shutdown = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/** `npm start` on a fresh checkout builds the SPA first; a current build is reused. */
async function buildSpaIfNeeded() {
  const index = join(distDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSourceTime()) return;
  console.log('Building the app (first start, or its sources changed)…');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
}

function newestSourceTime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of ['src', 'index.html', 'public', 'vite.config.ts', 'vite-react-on-preact.ts']) {
    const full = join(root, path);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

/** A start that cannot go on says why in one message and exits; anything else keeps its stack. */
function stop(error: unknown): never {
  const expected =
    error instanceof StartupError || (error instanceof Error && /^invalid environment/.test(error.message));
  console.error(expected ? `Parallax cannot start. ${error.message}` : error);
  process.exit(1);
}

function orStop<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    return stop(error);
  }
}
