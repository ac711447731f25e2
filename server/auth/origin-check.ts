import type { Context } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the request was addressed to: its scheme with the host the browser named. */
function requestOrigin(c: Context): string | null {
  const url = new URL(c.req.url);
  try {
    return new URL(`${url.protocol}//${c.req.header('host') ?? url.host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request must be refused as cross-site, or null when it may proceed.
 * Browsers send Origin with every non-GET request they make; a page on another site cannot
 * forge it. Without Origin, Sec-Fetch-Site (also set by the browser) must not say cross-site.
 * A request with neither comes from a program, which holds no one's cookie but its own.
 *
 * The Origin must equal, scheme, host and port, one of `publicOrigins` (the server's pinned
 * origins); without them (the mock API), the origin the request was addressed to.
 */
export function crossOriginProblem(c: Context, publicOrigins: readonly string[] | null = null): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (origin === 'null') return 'the request comes from an opaque origin';
    let parsed: string;
    try {
      parsed = new URL(origin).origin;
    } catch {
      return `the Origin header "${origin.slice(0, 200)}" is not an origin`;
    }
    const expected = publicOrigins ?? [requestOrigin(c)];
    return expected.includes(parsed) ? null : `the request comes from ${parsed}, not from this site`;
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `the browser marks the request ${site.slice(0, 40)}`;
  }
  return null;
}
