import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ApiOptions } from './api/api-context';
import type { ChangeFeed } from './api/change-feed';
import { createSharedChangeFeed } from './api/shared-change-feed';
import { DEFAULT_ANALYSIS_TIME_LIMIT_MS } from './config';
import type { CorpusProblem } from '@/domain/schemas';
import type { Corpus } from './corpus/load-corpus';
import { createServerApp } from './http/create-server-app';
import { publicOriginsFor } from './http/public-origin';
import { createAnalysisPool } from './ingest/analysis-pool';
import { checkDatabaseFile, DatabaseUnusableError } from './database-preflight';
import type { SeedReport } from './store/store';
import { describeDatabase, openStore } from './store/open-store';
import type { SqlStore } from './store/sql/sql-store';
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
  /** The corpus story folders left out at load, shown on the stories page. */
  corpusProblems?: readonly CorpusProblem[];
  /** PARALLAX_PUBLIC_ORIGIN: the origins browsers use; by default the listening address. */
  publicOrigins?: readonly string[] | null;
  /** How long one article may take to analyse in the worker pool. */
  analysisTimeLimitMs?: number;
  /** The desk that publishes verdicts (PARALLAX_DESK_NAME, PARALLAX_DESK_URL, PARALLAX_PUBLISHED_URL). */
  desk?: ApiOptions['desk'];
  /** Replaces parts of the API (clock, rate limits…), for tests. */
  api?: Omit<ApiOptions, 'changes' | 'analyser' | 'publicOrigins'>;
};

export type RunningServer = {
  url: string;
  seeded: SeedReport;
  /** How many accounts the database has: none means nobody can change a verdict yet. */
  accounts: number;
  close(): Promise<void>;
};

/** A start that cannot go on, with a message for the person starting it (no stack trace needed). */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/**
 * Binds the port, then opens the database, adds whatever of the corpus it lacks, and serves
 * the app. The port comes first: a second start on a busy port stops before it touches (and
 * migrates) the database the running server uses.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  // Refuses a wildcard address without public origins before anything else is done.
  publicOriginsFor(options.publicOrigins ?? null, options.host, options.port);
  let app: ReturnType<typeof createServerApp> | null = null;
  const server = serve({
    fetch: (request, env) =>
      app
        ? app.fetch(request, env)
        : Response.json({ error: { code: 'starting', message: 'the server is starting' } }, { status: 503 }),
    port: options.port,
    hostname: options.host,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `port ${options.port} on ${options.host}`;
      reject(
        new StartupError(
          error.code === 'EADDRINUSE'
            ? `${where} is in use: is Parallax already running? Stop it, or set PORT to another port.`
            : `cannot listen on ${where}: ${error.message}`,
          { cause: error },
        ),
      );
    });
  });
  const { port } = server.address() as AddressInfo;
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const database = { databasePath: options.databasePath, databaseUrl: options.databaseUrl ?? null };
  let store: SqlStore | null = null;
  let seeded: SeedReport;
  let accounts: number;
  let changes: ChangeFeed;
  try {
    // The file checks are SQLite's; a PostgreSQL server reports its own problems on connecting.
    if (!database.databaseUrl) checkDatabaseFile(database.databasePath);
    store = await openStore(database);
    seeded = await store.seed(options.corpus);
    accounts = (await store.listAccounts()).length;
    changes = await createSharedChangeFeed(store);
  } catch (error) {
    await store?.close().catch(() => undefined);
    await closeServer();
    if (error instanceof DatabaseUnusableError) throw new StartupError(error.message, { cause: error });
    throw new StartupError(`Cannot use the database ${describeDatabase(database)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const opened = store;
  // Articles are analysed in worker threads, so a hostile file never holds up other requests.
  const analyser = createAnalysisPool({
    timeLimitMs: options.analysisTimeLimitMs ?? DEFAULT_ANALYSIS_TIME_LIMIT_MS,
  });
  const publicOrigins = publicOriginsFor(options.publicOrigins ?? null, options.host, port);
  app = createServerApp(opened, options.distDir, {
    clientAddress: clientAddressOf(options.trustedProxies ?? 0),
    ...(options.desk ? { desk: options.desk } : {}),
    ...options.api,
    changes,
    analyser,
    publicOrigins: () => publicOrigins,
    corpusProblems: options.corpusProblems ?? [],
  });
  return {
    url: `http://${options.host}:${port}`,
    seeded,
    accounts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Open change streams would hold the server open: end them, then the idle connections.
        changes.close();
        server.close((error) => {
          void Promise.all([opened.close(), analyser.close()]).then(() => (error ? reject(error) : resolve()));
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 2_000);
        force.unref();
      }),
  };
}
