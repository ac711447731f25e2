import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ApiOptions } from './api/api-context';
import { createSharedChangeFeed } from './api/shared-change-feed';
import type { Corpus } from './corpus/load-corpus';
import { createServerApp } from './http/create-server-app';
import type { SeedReport } from './store/store';
import { openStore } from './store/open-store';
import { clientAddressOf } from './http/client-address';

export type StartOptions = {
  port: number;
  host: string;
  databasePath: string;
  /** A PostgreSQL database to use instead of the SQLite file. */
  databaseUrl?: string | null;
  /** Reverse proxies in front, whose X-Forwarded-For entries are believed. */
  trustedProxies?: number;
  distDir: string;
  corpus: Corpus;
  /** Replaces parts of the API (clock, rate limits…), for tests. */
  api?: Omit<ApiOptions, 'changes'>;
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
  const store = await openStore({ databasePath: options.databasePath, databaseUrl: options.databaseUrl ?? null });
  const seeded = await store.seed(options.corpus);
  const accounts = (await store.listAccounts()).length;
  const changes = await createSharedChangeFeed(store);
  const app = createServerApp(store, options.distDir, {
    clientAddress: clientAddressOf(options.trustedProxies ?? 0),
    ...options.api,
    changes,
  });
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
          void store.close().then(() => (error ? reject(error) : resolve()));
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 2_000);
        force.unref();
      }),
  };
}
