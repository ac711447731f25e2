import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 256 random bits, safe in a cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a stolen copy of the file signs no one in. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
