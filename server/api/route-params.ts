import type { Context } from 'hono';
import { idSchema } from '@/domain/schemas';
import { jsonError } from './api-errors';

/** Reads an id path parameter, or answers 400 naming it. */
export function readIdParam(c: Context, name: string): { id: string } | { response: Response } {
  const result = idSchema.safeParse(c.req.param(name));
  if (result.success) return { id: result.data };
  return {
    response: jsonError(
      c,
      400,
      'invalid_parameter',
      `${name} ${result.error.issues[0]?.message ?? 'is invalid'}`,
      name,
    ),
  };
}
