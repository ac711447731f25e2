import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-test-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server every test file of the run shares (each store in its own schema). */
    postgresUrl: string;
  }
}

/** One PostgreSQL server for the whole test run, not one per file. */
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
