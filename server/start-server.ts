import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Corpus } from './corpus/load-corpus';
import { createServerApp } from './http/create-server-app';
import type { SeedReport } from './store/store';
import { createSqliteStore } from './store/sqlite/sqlite-store';

export type StartOptions = {
  port: number;
  host: string;
  databasePath: string;
  distDir: string;
  corpus: Corpus;
};

export type RunningServer = {
  url: string;
  seeded: SeedReport;
  close(): Promise<void>;
};

/** Opens the database, adds whatever of the corpus it lacks, and serves the app. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = createSqliteStore(options.databasePath);
  const seeded = await store.seed(options.corpus);
  const app = createServerApp(store, options.distDir);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    seeded,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          void store.close().then(() => (error ? reject(error) : resolve()));
        });
      }),
  };
}
