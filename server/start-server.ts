import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ApiOptions } from './api/api-context';
import { createChangeFeed } from './api/change-feed';
import { DEFAULT_ANALYSIS_TIME_LIMIT_MS } from './config';
import type { Corpus } from './corpus/load-corpus';
import { createServerApp } from './http/create-server-app';
import { createAnalysisPool } from './ingest/analysis-pool';
import type { SeedReport } from './store/store';
import { createSqliteStore } from './store/sqlite/sqlite-store';

export type StartOptions = {
  port: number;
  host: string;
  databasePath: string;
  distDir: string;
  corpus: Corpus;
  /** How long one article may take to analyse in the worker pool. */
  analysisTimeLimitMs?: number;
  /** Replaces parts of the API (clock, rate limits…), for tests. */
  api?: Omit<ApiOptions, 'changes' | 'analyser'>;
};

export type RunningServer = {
  url: string;
  seeded: SeedReport;
  /** How many accounts the database has: none means nobody can change a verdict yet. */
  accounts: number;
  close(): Promise<void>;
};

/** Opens the database, adds whatever of the corpus it lacks, and serves the app. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = createSqliteStore(options.databasePath);
  const seeded = await store.seed(options.corpus);
  const accounts = (await store.listAccounts()).length;
  const changes = createChangeFeed();
  // Articles are analysed in worker threads, so a hostile file never holds up other requests.
  const analyser = createAnalysisPool({
    timeLimitMs: options.analysisTimeLimitMs ?? DEFAULT_ANALYSIS_TIME_LIMIT_MS,
  });
  const app = createServerApp(store, options.distDir, { ...options.api, changes, analyser });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    seeded,
    accounts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Open change streams would hold the server open: end them, then the idle connections.
        changes.close();
        server.close((error) => {
          void Promise.all([store.close(), analyser.close()]).then(() => (error ? reject(error) : resolve()));
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 2_000);
        force.unref();
      }),
  };
}
