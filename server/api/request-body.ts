import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { jsonError } from './api-errors';

/** Where a validation issue points, as the API names fields: `evidence.0.url`. */
export function issueField(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

/**
 * Reads a JSON body and validates it: 415 for another content type, 400 for bad JSON or
 * a body the schema refuses, naming the field.
 */
export async function readJsonBody<T>(
  c: Context,
  schema: z.ZodMiniType<T>,
): Promise<{ data: T } | { response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      response: jsonError(
        c,
        415,
        'unsupported_media_type',
        `send the body as application/json, not ${type ? `"${type}"` : 'without a Content-Type'}`,
        'Content-Type',
      ),
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return { response: jsonError(c, 400, 'invalid_json', 'the body is not valid JSON') };
  }
  const result = schema.safeParse(body);
  if (result.success) return { data: result.data };
  const issue = result.error.issues[0];
  const field =
    issue?.code === 'unrecognized_keys'
      ? issueField([...issue.path, issue.keys[0] ?? ''])
      : issueField(issue?.path ?? []);
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field "${field}"`
      : `${field ?? 'the body'}: ${issue?.message ?? 'is invalid'}`;
  return { response: jsonError(c, 400, 'invalid_body', message, field) };
}
