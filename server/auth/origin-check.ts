import type { Context } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the request was addressed to, as the browser saw it. */
function requestHost(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/**
 * Why a state-changing request must be refused as cross-site, or null when it may proceed.
 * Browsers send Origin with every non-GET request they make; a page on another site cannot
 * forge it. Without Origin, Sec-Fetch-Site (also set by the browser) must not say cross-site.
 * A request with neither comes from a program, which holds no one's cookie but its own.
 */
export function crossOriginProblem(c: Context): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (origin === 'null') return 'the request comes from an opaque origin';
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return `the Origin header "${origin}" is not an origin`;
    }
    return host === requestHost(c) ? null : `the request comes from ${origin}, not from this site`;
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `the browser marks the request ${site}`;
  }
  return null;
}
