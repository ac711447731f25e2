import type * as z from 'zod/mini';
import { apiErrorSchema } from '@/domain/schemas/api-error';
import { ApiError } from './api-error';

function absolute(path: string): string {
  // Node's fetch (tests, scripts) needs an absolute URL; in the browser this is the page's origin.
  return new URL(path, globalThis.location?.origin ?? 'http://localhost').toString();
}

/** GETs JSON from the API and validates it against the shared schema before anyone uses it. */
export async function getJson<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(absolute(path), { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and retry.');
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiError(response.status, 'bad_response', `The server answered ${path} with something other than JSON.`);
  }
  if (!response.ok) {
    const body = apiErrorSchema.safeParse(data);
    if (body.success) {
      throw new ApiError(response.status, body.data.error.code, body.data.error.message, body.data.error.field);
    }
    throw new ApiError(response.status, 'http_error', `The server answered ${path} with HTTP ${response.status}.`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError(
      response.status,
      'invalid_response',
      `The server's answer to ${path} is not in the expected shape${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}
