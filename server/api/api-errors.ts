import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '@/domain/schemas';

export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string) {
  const body: ApiErrorBody = { error: field ? { code, message, field } : { code, message } };
  return c.json(body, status);
}
