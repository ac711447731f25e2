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
  PARALLAX_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'PARALLAX_DATABASE_URL must be a postgres:// URL')
    .optional(),
  PARALLAX_TRUST_PROXY: z.coerce
    .number({ error: 'PARALLAX_TRUST_PROXY must be a number of proxies' })
    .int('PARALLAX_TRUST_PROXY must be a whole number of proxies')
    .min(0, 'PARALLAX_TRUST_PROXY must be 0 or more')
    .max(10, 'PARALLAX_TRUST_PROXY must be at most 10')
    .default(0),
});

export type ServerConfig = {
  port: number;
  host: string;
  databasePath: string;
  /** A PostgreSQL database several processes share, instead of the SQLite file. */
  databaseUrl: string | null;
  /** How many reverse proxies stand in front and append to X-Forwarded-For (0: none, use the socket's peer). */
  trustedProxies: number;
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
  const { PORT, HOST, PARALLAX_DB, PARALLAX_SKIP_BUILD, PARALLAX_DIST, PARALLAX_DATABASE_URL, PARALLAX_TRUST_PROXY } =
    result.data;
  return {
    port: PORT,
    host: HOST,
    databasePath: PARALLAX_DB ?? join(cwd, 'data', 'parallax.db'),
    databaseUrl: PARALLAX_DATABASE_URL ?? null,
    trustedProxies: PARALLAX_TRUST_PROXY,
    distDir: PARALLAX_DIST ?? null,
    buildSpa: PARALLAX_SKIP_BUILD === '0',
  };
}
