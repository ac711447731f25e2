import type { Context } from 'hono';

/** The peer address of the socket under @hono/node-server; "unknown" elsewhere (tests, mocks). */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The client's address for rate limits and the security log. Behind `trustedProxies` reverse
 * proxies, each appends the address it saw to X-Forwarded-For, so the client is the entry that
 * many places from the right (counting the socket's peer, the nearest proxy). Entries further
 * left were written by the client itself and are never believed.
 */
export function clientAddressOf(trustedProxies: number): (c: Context) => string {
  if (trustedProxies === 0) return socketAddress;
  return (c) => {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    const chain = [...forwarded, socketAddress(c)];
    return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? 'unknown';
  };
}
