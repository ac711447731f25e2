import type * as z from 'zod/mini';
import { apiErrorSchema } from '@/domain/schemas/api-error';
import { ApiError } from './api-error';

/** What a transport (fetch, or XMLHttpRequest for uploads) hands on once the server has answered. */
export type ServerAnswer = {
  status: number;
  ok: boolean;
  json: () => unknown;
};

/** Node's fetch (tests, scripts) needs an absolute URL; in the browser this is the page's origin. */
export function apiUrl(path: string): string {
  return new URL(path, globalThis.location?.origin ?? 'http://localhost').toString();
}

export function unreachable(): ApiError {
  return new ApiError(0, 'network', 'The server could not be reached. Check the connection and retry.');
}

/**
 * Turns the server's answer into the value the schema describes, or one ApiError: the
 * server's own refusal (code, message, field and the whole body), an answer that is not
 * JSON, or one in another shape than expected.
 */
export async function readAnswer<T>(path: string, answer: ServerAnswer, schema: z.ZodMiniType<T>): Promise<T> {
  let data: unknown;
  try {
    // No Content is a complete answer: the schema decides whether nothing is acceptable.
    data = answer.status === 204 ? undefined : await answer.json();
  } catch {
    throw new ApiError(answer.status, 'bad_response', `The server answered ${path} with something other than JSON.`);
  }
  if (!answer.ok) {
    const refusal = apiErrorSchema.safeParse(data);
    if (refusal.success) {
      const { code, message, field } = refusal.data.error;
      throw new ApiError(answer.status, code, message, field, data);
    }
    const message = `The server answered ${path} with HTTP ${answer.status}.`;
    throw new ApiError(answer.status, 'http_error', message, undefined, data);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError(
      answer.status,
      'invalid_response',
      `The server's answer to ${path} is not in the expected shape${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

/** One request through fetch, answered as readAnswer does; an aborted request rethrows its abort. */
export async function fetchJson<T>(path: string, init: RequestInit, schema: z.ZodMiniType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw unreachable();
  }
  return readAnswer(path, response, schema);
}
