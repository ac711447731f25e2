import type * as z from 'zod/mini';
import { fetchJson } from './request-core';

/** GETs JSON from the API and validates it against the shared schema before anyone uses it. */
export function getJson<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  return fetchJson(path, { signal, headers: { Accept: 'application/json' } }, schema);
}
