import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from '../api/api-errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::']);

/** Origins as the URL standard serializes them: scheme, host and port, no path. */
export function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = new URL(entry);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${entry}" is not an http(s) origin`);
      if (url.pathname !== '/' || url.search || url.hash || url.username) {
        throw new Error(`"${entry}" is not an origin: give scheme, host and port only`);
      }
      return url.origin;
    });
}

/**
 * The origins browsers reach this server under: PARALLAX_PUBLIC_ORIGIN when set, else the
 * listening address (on loopback, under each of its names). A server listening on every
 * address cannot know its public name, so it refuses to guess.
 */
export function publicOriginsFor(configured: readonly string[] | null, host: string, port: number): string[] {
  if (configured && configured.length > 0) return [...configured];
  if (WILDCARD.has(host)) {
    throw new Error(
      `HOST=${host} listens on every address, so the server cannot tell its own name: set PARALLAX_PUBLIC_ORIGIN ` +
        'to the origin browsers use (e.g. https://parallax.example.org)',
    );
  }
  const names = LOOPBACK.has(host) ? [...LOOPBACK] : [host];
  return names.map((name) => new URL(`http://${name.includes(':') ? `[${name}]` : name}:${port}`).origin);
}

/**
 * Refuses a request addressed to another host than this server's public origins (421), so
 * that a page on a rebound DNS name cannot pass as this site and read its answers.
 */
export function pinnedHost(origins: () => readonly string[]): MiddlewareHandler {
  return async (c: Context, next) => {
    const host = c.req.header('host')?.toLowerCase();
    const allowed = origins().map((origin) => new URL(origin).host);
    if (!host) return jsonError(c, 400, 'missing_host', 'the request has no Host header', 'Host');
    if (!allowed.includes(host)) {
      return jsonError(
        c,
        421,
        'misdirected_request',
        `this server answers for ${origins()[0] ?? 'its own address'}, not for "${host.slice(0, 200)}"`,
        'Host',
      );
    }
    return next();
  };
}
