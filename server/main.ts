import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { readCorpusDir } from './corpus/read-corpus-dir';
import { readConfig } from './config';
import { createServerApp } from './http/create-server-app';
import { createSqliteStore } from './store/sqlite/sqlite-store';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'dist');

const config = readConfig(process.env, process.cwd());
if (config.buildSpa) await buildSpaIfNeeded();

const store = createSqliteStore(config.databasePath);
const seeded = await store.seed(readCorpusDir());
const stories = await store.listStories();
console.log(
  `Database ${config.databasePath}: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}` +
    (seeded.stories + seeded.articles + seeded.claims > 0
      ? ` (seeded ${seeded.articles} articles, ${seeded.claims} claims, ${seeded.mentions} mentions, ${seeded.events} events)`
      : ''),
);

const app = createServerApp(store, distDir);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Parallax is serving http://${config.host}:${info.port}/`);
});

const shutdown = () => {
  server.close(() => {
    void store.close().then(() => process.exit(0));
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/** `npm start` on a fresh checkout builds the SPA first; a current build is reused. */
async function buildSpaIfNeeded() {
  const index = join(distDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSourceTime()) return;
  console.log('Building the app (first start, or its sources changed)…');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
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
  for (const path of ['src', 'index.html', 'public', 'vite.config.ts']) {
    const full = join(root, path);
    if (existsSync(full)) visit(full);
  }
  return newest;
}
