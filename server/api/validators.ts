import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import { idSchema } from '@/domain/schemas';
import type { ApiContext, ApiEnv } from './api-context';
import { jsonError } from './api-errors';

/**
 * Request validation as route middleware, on Hono's validator: a refused request gets our
 * ApiErrorBody naming the field; an accepted one reaches the handler as `c.req.valid(target)`.
 *
 *   routes.post('/stories/:story/claims', requireEditor(deps, 'add claims'), idParam('story'),
 *     jsonBody(addClaimRequestSchema), async (c) => {
 *       const { story } = c.req.valid('param');
 *       const body = c.req.valid('json');
 *     });
 */
export type ValidationOptions = {
  /** Runs before a refusal is sent, with the refusal: a route that logs refused changes logs here. */
  onRefused?: (c: ApiContext, response: Response) => Promise<void> | void;
};

/** Where a validation issue points, as the API names fields: `evidence.0.url`. */
export function issueField(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

/** 400 for the first issue of a refused body, naming its field (or the unknown one). */
function invalidBody(c: ApiContext, issues: readonly z.core.$ZodIssue[]) {
  const issue = issues[0];
  const field =
    issue?.code === 'unrecognized_keys'
      ? issueField([...issue.path, issue.keys[0] ?? ''])
      : issueField(issue?.path ?? []);
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field "${field}"`
      : `${field ?? 'the body'}: ${issue?.message ?? 'is invalid'}`;
  return jsonError(c, 400, 'invalid_body', message, field);
}

/** An id path parameter (`:story`), or 400 naming it. The handler reads `c.req.valid('param')[name]`. */
export function idParam<N extends string>(name: N, { onRefused }: ValidationOptions = {}) {
  return idParams([name], { onRefused });
}

/** Several id path parameters (`:story/passages/:passage`), or 400 naming the first that is not one. */
export function idParams<N extends string>(names: readonly N[], { onRefused }: ValidationOptions = {}) {
  return validator('param', async (params, c: ApiContext) => {
    const ids = {} as Record<N, string>;
    for (const name of names) {
      const result = idSchema.safeParse(params[name]);
      if (result.success) {
        ids[name] = result.data;
        continue;
      }
      const message = `${name} ${result.error.issues[0]?.message ?? 'is invalid'}`;
      const response = jsonError(c, 400, 'invalid_parameter', message, name);
      await onRefused?.(c, response);
      return response;
    }
    return ids;
  });
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * A JSON body the schema accepts: 415 for another content type, 400 for bad JSON or a body
 * the schema refuses, naming the field. The handler reads `c.req.valid('json')`.
 */
export function jsonBody<S extends z.ZodMiniType>(schema: S, { onRefused }: ValidationOptions = {}) {
  const refuse = async (c: ApiContext, response: Response) => {
    await onRefused?.(c, response);
    return response;
  };
  // Typed by the middleware around it, which knows the schema's input and output.
  const validate: MiddlewareHandler = validator('json', async (value: unknown, c: ApiContext): Promise<unknown> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    return refuse(c, invalidBody(c, result.error.issues));
  });
  return createMiddleware<ApiEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }>(async (c, next) => {
    // Hono's validator reads any other content type as an empty body; we name the header instead.
    const type = c.req.header('content-type') ?? '';
    if (!JSON_TYPE.test(type)) {
      const sent = type ? `"${type}"` : 'without a Content-Type';
      const message = `send the body as application/json, not ${sent}`;
      return refuse(c, jsonError(c, 415, 'unsupported_media_type', message, 'Content-Type'));
    }
    // Hono's validator throws an HTTPException for JSON it cannot parse, before it calls
    // the route; that one (and only that one) is answered as our invalid_json error.
    let validated = false;
    try {
      return await validate(c, () => {
        validated = true;
        return next();
      });
    } catch (error) {
      if (validated || !(error instanceof HTTPException)) throw error;
      return refuse(c, jsonError(c, 400, 'invalid_json', 'the body is not valid JSON'));
    }
  });
}
