import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why a page was not fetched; each names the `url` field and says what to do. */
export type FetchRefusal = {
  code:
    | 'invalid_url'
    | 'refused_address'
    | 'timeout'
    | 'too_large'
    | 'wrong_type'
    | 'http_error'
    | 'too_many_redirects'
    | 'unreachable';
  message: string;
};

export type FetchedPage = {
  /** The address the page was finally read from, after redirects. */
  url: string;
  contentType: string;
  /** The page as UTF-8 bytes, exactly as received when it was UTF-8. */
  content: Uint8Array;
  fetchedAt: string;
};

export type PageFetchOptions = {
  /**
   * Addresses or ranges (CIDR) that may be fetched although they are private, loopback or
   * link-local: empty by default; tests name 127.0.0.1 to serve pages from a local server.
   */
  allow?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  now?: () => Date;
  /** The resolver; the system's by default. */
  lookup?: (hostname: string) => Promise<LookupAddress[]>;
};

export type PageFetcher = (
  url: string,
) => Promise<{ ok: true; page: FetchedPage } | { ok: false; refusal: FetchRefusal }>;

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
/** The same limit as an uploaded file. */
export const DEFAULT_FETCH_MAX_BYTES = 2 * 1024 * 1024;

const ACCEPTED_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown'];

class Refused extends Error {
  constructor(readonly refusal: FetchRefusal) {
    super(refusal.message);
  }
}

const refuse = (code: FetchRefusal['code'], message: string) => new Refused({ code, message });

/** Public unicast addresses only, unless the allowlist names the address. */
export function isFetchableAddress(address: string, allow: readonly string[] = []): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  for (const entry of allow) {
    try {
      const [range, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), -1];
      const prefix = bits >= 0 ? bits : range.kind() === 'ipv4' ? 32 : 128;
      if (range.kind() === parsed.kind() && parsed.match(range, prefix)) return true;
    } catch {
      // An entry that is not an address is never a match.
    }
  }
  return parsed.range() === 'unicast';
}

const systemLookup = (hostname: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Fetches a page for intake: http(s) only, every address the name resolves to checked before
 * connecting (and the connection pinned to the checked address, so a second answer cannot
 * point elsewhere), each redirect checked again, a time limit on the whole fetch, a size
 * limit on the body as it streams, and only HTML, plain text or Markdown accepted.
 */
export function createPageFetcher(options: PageFetchOptions = {}): PageFetcher {
  const {
    allow = [],
    timeoutMs = DEFAULT_FETCH_TIMEOUT_MS,
    maxBytes = DEFAULT_FETCH_MAX_BYTES,
    maxRedirects = 5,
    now = () => new Date(),
    lookup = systemLookup,
  } = options;

  /** Resolves and checks the name; the connection uses only the checked address. */
  const checkedLookup: LookupFunction = (hostname, _options, callback) => {
    lookup(hostname)
      .then((addresses) => {
        const refusedAddress = addresses.find((a) => !isFetchableAddress(a.address, allow));
        const chosen = addresses[0];
        if (refusedAddress || !chosen) {
          callback(
            refuse(
              'refused_address',
              `${hostname} is at ${refusedAddress?.address ?? 'no address'}, a private, loopback or link-local address: such pages are not fetched`,
            ),
            '',
            4,
          );
          return;
        }
        callback(null, chosen.address, chosen.family);
      })
      .catch(() => callback(refuse('unreachable', `${hostname} could not be found`), '', 4));
  };

  const fetchOnce = (url: URL, signal: AbortSignal) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (ipaddr.isValid(literal) && !isFetchableAddress(literal, allow)) {
        reject(
          refuse(
            'refused_address',
            `${literal} is a private, loopback or link-local address: such pages are not fetched`,
          ),
        );
        return;
      }
      const client = url.protocol === 'https:' ? https : http;
      const request = client.get(
        url,
        {
          signal,
          lookup: checkedLookup,
          headers: {
            accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,text/markdown;q=0.8',
            'user-agent': 'Parallax intake',
          },
        },
        resolve,
      );
      request.on('error', reject);
    });

  const readBody = (response: IncomingMessage, signal: AbortSignal) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onAbort = () => response.destroy(refuse('timeout', ''));
      signal.addEventListener('abort', onAbort, { once: true });
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          response.destroy(refuse('too_large', `the page is over the limit of ${formatSize(maxBytes)}`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
      response.on('close', () => signal.removeEventListener('abort', onAbort));
    });

  return async (given) => {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      return { ok: false, refusal: { code: 'invalid_url', message: 'is not a web address' } };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, refusal: { code: 'invalid_url', message: 'must be an http or https address' } };
    if (url.username || url.password)
      return { ok: false, refusal: { code: 'invalid_url', message: 'must not carry a user name or password' } };

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      for (let redirects = 0; ; redirects += 1) {
        const response = await fetchOnce(url, controller.signal);
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          if (redirects >= maxRedirects)
            throw refuse('too_many_redirects', `the page redirects more than ${maxRedirects} times`);
          const next = new URL(response.headers.location, url);
          if (next.protocol !== 'http:' && next.protocol !== 'https:')
            throw refuse('invalid_url', 'the page redirects to an address that is not http or https');
          url = next;
          continue;
        }
        if (status < 200 || status >= 300) {
          response.resume();
          throw refuse(
            'http_error',
            `the site answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
          );
        }
        const [type = '', ...parameters] = (response.headers['content-type'] ?? '')
          .split(';')
          .map((p) => p.trim().toLowerCase());
        if (!ACCEPTED_TYPES.includes(type)) {
          response.resume();
          throw refuse('wrong_type', `the address serves ${type || 'an unnamed type'}, not a web page or text`);
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          throw refuse('too_large', `the page is ${formatSize(declared)}, over the limit of ${formatSize(maxBytes)}`);
        }
        const bytes = await readBody(response, controller.signal);
        const charset =
          parameters
            .find((p) => p.startsWith('charset='))
            ?.slice('charset='.length)
            .replace(/"/g, '') ?? 'utf-8';
        return {
          ok: true,
          page: { url: url.href, contentType: type, content: toUtf8(bytes, charset), fetchedAt: now().toISOString() },
        };
      }
    } catch (error) {
      if (controller.signal.aborted) {
        return {
          ok: false,
          refusal: { code: 'timeout', message: `the site did not answer within ${Math.round(timeoutMs / 1000)} s` },
        };
      }
      const refused = error instanceof Refused ? error : (error as { cause?: unknown }).cause;
      if (refused instanceof Refused) return { ok: false, refusal: refused.refusal };
      return {
        ok: false,
        refusal: { code: 'unreachable', message: `the page could not be fetched (${(error as Error).message})` },
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** UTF-8 stays as received; a page in another declared charset is converted. */
function toUtf8(bytes: Buffer, charset: string): Uint8Array {
  if (charset === 'utf-8' || charset === 'utf8') return bytes;
  try {
    return new TextEncoder().encode(new TextDecoder(charset).decode(bytes));
  } catch {
    return bytes;
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
