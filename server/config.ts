import { join } from 'node:path';
import { z } from 'zod';
import { parseOrigins } from './http/public-origin';

/** How long one article may take to analyse by default: far above any real article. */
export const DEFAULT_ANALYSIS_TIME_LIMIT_MS = 30_000;

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
  PARALLAX_PUBLIC_ORIGIN: z.string().min(1).optional(),
  PARALLAX_ANALYSIS_TIME_LIMIT_MS: z.coerce
    .number({ error: 'PARALLAX_ANALYSIS_TIME_LIMIT_MS must be a number' })
    .int('PARALLAX_ANALYSIS_TIME_LIMIT_MS must be a whole number of milliseconds')
    .min(100, 'PARALLAX_ANALYSIS_TIME_LIMIT_MS must be at least 100')
    .default(DEFAULT_ANALYSIS_TIME_LIMIT_MS),
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
  PARALLAX_DESK_NAME: z.string().trim().min(1, 'PARALLAX_DESK_NAME must not be empty').max(200).default('Parallax'),
  PARALLAX_DESK_URL: z.url({ protocol: /^https?$/, error: 'PARALLAX_DESK_URL must be an http(s) URL' }).optional(),
  PARALLAX_PUBLISHED_URL: z
    .url({ protocol: /^https?$/, error: 'PARALLAX_PUBLISHED_URL must be an http(s) URL' })
    .optional(),
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
  /** The origins browsers use (PARALLAX_PUBLIC_ORIGIN, comma-separated); null: the listening address. */
  publicOrigins: string[] | null;
  /** How long one article may take to analyse before it is refused (422 too_long_to_analyse). */
  analysisTimeLimitMs: number;
  /**
   * The desk that publishes verdicts (the ClaimReview author: PARALLAX_DESK_NAME and
   * PARALLAX_DESK_URL) and where the published pages are (PARALLAX_PUBLISHED_URL); an unset
   * address reads as the origin the request was made to.
   */
  desk: { name: string; url: string | null; publishedUrl: string | null };
};

/** Reads the server's settings from the environment; a bad value stops the start with its name. */
export function readConfig(env: Record<string, string | undefined>, cwd: string): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid environment: ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  const {
    PORT,
    HOST,
    PARALLAX_DB,
    PARALLAX_SKIP_BUILD,
    PARALLAX_DIST,
    PARALLAX_DATABASE_URL,
    PARALLAX_TRUST_PROXY,
    PARALLAX_PUBLIC_ORIGIN,
    PARALLAX_ANALYSIS_TIME_LIMIT_MS,
    PARALLAX_DESK_NAME,
    PARALLAX_DESK_URL,
    PARALLAX_PUBLISHED_URL,
  } = result.data;
  let publicOrigins: string[] | null = null;
  if (PARALLAX_PUBLIC_ORIGIN !== undefined) {
    try {
      publicOrigins = parseOrigins(PARALLAX_PUBLIC_ORIGIN);
    } catch (error) {
      throw new Error(`invalid environment: PARALLAX_PUBLIC_ORIGIN: ${(error as Error).message}`);
    }
  }
  return {
    port: PORT,
    host: HOST,
    databasePath: PARALLAX_DB ?? join(cwd, 'data', 'parallax.db'),
    databaseUrl: PARALLAX_DATABASE_URL ?? null,
    trustedProxies: PARALLAX_TRUST_PROXY,
    distDir: PARALLAX_DIST ?? null,
    buildSpa: PARALLAX_SKIP_BUILD === '0',
    publicOrigins,
    analysisTimeLimitMs: PARALLAX_ANALYSIS_TIME_LIMIT_MS,
    desk: { name: PARALLAX_DESK_NAME, url: PARALLAX_DESK_URL ?? null, publishedUrl: PARALLAX_PUBLISHED_URL ?? null },
  };
}
