import { validator } from 'hono/validator';
import type { ApiContext, ApiDeps } from './api-context';
import { refuseChange } from './security-log';

/** The version an If-Match header names: `"3"` as sent back from an ETag, or a bare `3`. */
export type IfMatch = { kind: 'missing' } | { kind: 'invalid'; message: string } | { kind: 'version'; version: number };

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const value = header.trim();
  if (value === '*') {
    return { kind: 'invalid', message: 'If-Match must name the version you edited, such as "3"; * is not accepted' };
  }
  const match = /^(?:"([1-9]\d{0,14})"|([1-9]\d{0,14}))$/.exec(value);
  const digits = match?.[1] ?? match?.[2];
  if (!digits) {
    return { kind: 'invalid', message: `If-Match must be one version such as "3", not ${JSON.stringify(value)}` };
  }
  return { kind: 'version', version: Number(digits) };
}

/** A verdict version as a strong ETag. */
export const etagFor = (version: number) => `"${version}"`;

/**
 * Route middleware: the change must name the version it was based on. 428 without If-Match,
 * 400 for one that names no single version, each refusal logged; the handler reads the
 * version as `c.req.valid('header').ifMatch`. `edited` names what the version is of.
 */
export function requireIfMatch(deps: ApiDeps, edited: string) {
  return validator('header', async (_headers, c: ApiContext) => {
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    if (ifMatch.kind === 'missing') {
      const message = `send If-Match with ${edited} you edited (its ETag), so a newer change is not overwritten`;
      return refuseChange(deps, c, 428, 'precondition_required', message, 'If-Match');
    }
    if (ifMatch.kind === 'invalid') return refuseChange(deps, c, 400, 'invalid_if_match', ifMatch.message, 'If-Match');
    return { ifMatch: ifMatch.version };
  });
}
