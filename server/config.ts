import { join } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(5174),
  HOST: z.string().min(1).default('127.0.0.1'),
  PARALLAX_DB: z.string().min(1).optional(),
  PARALLAX_SKIP_BUILD: z.enum(['0', '1']).default('0'),
  PARALLAX_DIST: z.string().min(1).optional(),
});

export type ServerConfig = {
  port: number;
  host: string;
  databasePath: string;
  /** Where the built app is (and is built to): `dist` unless PARALLAX_DIST says otherwise. */
  distDir: string | null;
  buildSpa: boolean;
};

/** Reads the server's settings from the environment; a bad value stops the start with its name. */
export function readConfig(env: Record<string, string | undefined>, cwd: string): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid environment: ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  const { PORT, HOST, PARALLAX_DB, PARALLAX_SKIP_BUILD, PARALLAX_DIST } = result.data;
  return {
    port: PORT,
    host: HOST,
    databasePath: PARALLAX_DB ?? join(cwd, 'data', 'parallax.db'),
    distDir: PARALLAX_DIST ?? null,
    buildSpa: PARALLAX_SKIP_BUILD === '0',
  };
}
