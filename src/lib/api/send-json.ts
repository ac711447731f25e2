import type * as z from 'zod/mini';
import { fetchJson } from './request-core';

type SendOptions = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
};

/**
 * Sends a change to the API as JSON (the session cookie goes with it) and validates the
 * answer against the shared schema. Refusals throw ApiError with the server's message and body.
 */
export function sendJson<T>(path: string, options: SendOptions, schema: z.ZodMiniType<T>): Promise<T> {
  return fetchJson(
    path,
    {
      method: options.method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    },
    schema,
  );
}
