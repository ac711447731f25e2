import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * Under https the cookie takes the `__Host-` prefix, which the browser only accepts with
 * Secure, Path=/ and no Domain: no other host or path can plant or shadow it.
 */
const SECURE_NAME = '__Host-parallax_session';
const PLAIN_NAME = 'parallax_session';

const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:';

export function readSessionCookie(c: Context): string | undefined {
  return isHttps(c) ? getCookie(c, SECURE_NAME) : getCookie(c, PLAIN_NAME);
}

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number) {
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_NAME : PLAIN_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context) {
  const secure = isHttps(c);
  deleteCookie(c, secure ? SECURE_NAME : PLAIN_NAME, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}
