import type * as z from 'zod/mini';
import { apiErrorSchema } from '@/domain/schemas';
import { ApiError } from './api-error';

/** A refusal from the API, with the whole answer for callers that need more than the message (a 412's claim). */
export class ApiRefusal extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    field: string | undefined,
    readonly body: unknown,
  ) {
    super(status, code, message, field);
    this.name = 'ApiRefusal';
  }
}

type SendOptions = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
};

function absolute(path: string): string {
  return new URL(path, globalThis.location?.origin ?? 'http://localhost').toString();
}

/**
 * Sends a change to the API as JSON (the session cookie goes with it) and validates the
 * answer against the shared schema. Refusals throw ApiRefusal with the server's message.
 */
export async function sendJson<T>(path: string, options: SendOptions, schema: z.ZodMiniType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(absolute(path), {
      method: options.method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and retry.');
  }
  let data: unknown;
  try {
    // No Content is a complete answer: the schema decides whether nothing is acceptable.
    data = response.status === 204 ? undefined : await response.json();
  } catch {
    throw new ApiError(response.status, 'bad_response', `The server answered ${path} with something other than JSON.`);
  }
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(data);
    if (error.success) {
      const { code, message, field } = error.data.error;
      throw new ApiRefusal(response.status, code, message, field, data);
    }
    throw new ApiRefusal(
      response.status,
      'http_error',
      `The server answered ${path} with HTTP ${response.status}.`,
      undefined,
      data,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      `The server's answer to ${path} is not in the expected shape.`,
    );
  }
  return parsed.data;
}
