import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageFetcher, isFetchableAddress } from './fetch-page';

const PAGE = '<!doctype html><html><head><title>T</title></head><body><article><p>Text.</p></article></body></html>';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/page') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    } else if (path === '/latin1') {
      response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      response.end(Buffer.from('<p>Caf\xe9</p>', 'latin1'));
    } else if (path === '/slow') {
      // Never answers; the fetch gives up.
    } else if (path === '/big') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      response.end();
    } else if (path === '/stream') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('x'.repeat(64 * 1024));
    } else if (path === '/image') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (path === '/to-private') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    } else if (path === '/to-page') {
      response.writeHead(301, { location: '/page' });
      response.end();
    } else if (path === '/loop') {
      response.writeHead(302, { location: '/loop' });
      response.end();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowed = (options = {}) => createPageFetcher({ allow: ['127.0.0.1'], timeoutMs: 2_000, ...options });

describe('isFetchableAddress', () => {
  it('refuses private, loopback, link-local and mapped addresses, and takes public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.1',
      '172.16.5.5',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isFetchableAddress(address), address).toBe(false);
    for (const address of ['93.184.216.34', '2606:4700::6810:85e5'])
      expect(isFetchableAddress(address), address).toBe(true);
  });

  it('takes an address or range the allowlist names', () => {
    expect(isFetchableAddress('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(isFetchableAddress('10.0.0.7', ['10.0.0.0/8'])).toBe(true);
    expect(isFetchableAddress('10.0.0.7', ['127.0.0.1', 'not an address'])).toBe(false);
  });
});

describe('createPageFetcher', () => {
  it('fetches a page from an allowed address, with its type and the fetch time', async () => {
    const fetchPage = allowed({ now: () => new Date('2024-04-19T08:00:00Z') });
    const result = await fetchPage(`${base}/page`);
    expect(result).toEqual({
      ok: true,
      page: {
        url: `${base}/page`,
        contentType: 'text/html',
        content: expect.any(Uint8Array),
        fetchedAt: '2024-04-19T08:00:00.000Z',
      },
    });
    if (result.ok) expect(new TextDecoder().decode(result.page.content)).toBe(PAGE);
  });

  it('follows a redirect on an allowed address and converts a declared charset to UTF-8', async () => {
    const moved = await allowed()(`${base}/to-page`);
    expect(moved.ok && moved.page.url).toBe(`${base}/page`);
    const latin = await allowed()(`${base}/latin1`);
    expect(latin.ok && new TextDecoder().decode(latin.page.content)).toBe('<p>Café</p>');
  });

  it('refuses a loopback address unless the allowlist names it, by address or by name', async () => {
    const fetchPage = createPageFetcher();
    expect(await fetchPage(`${base}/page`)).toMatchObject({ ok: false, refusal: { code: 'refused_address' } });
    const port = new URL(base).port;
    expect(await fetchPage(`http://localhost:${port}/page`)).toMatchObject({
      ok: false,
      refusal: { code: 'refused_address' },
    });
  });

  it('refuses a name that resolves to a private address, before connecting', async () => {
    const fetchPage = createPageFetcher({ lookup: () => Promise.resolve([{ address: '192.168.1.20', family: 4 }]) });
    expect(await fetchPage('http://intranet.example/page')).toMatchObject({
      ok: false,
      refusal: { code: 'refused_address', message: expect.stringContaining('192.168.1.20') },
    });
  });

  it('refuses a redirect to a private address', async () => {
    expect(await allowed()(`${base}/to-private`)).toMatchObject({ ok: false, refusal: { code: 'refused_address' } });
  });

  it('gives up on a site that does not answer in time', async () => {
    expect(await allowed({ timeoutMs: 200 })(`${base}/slow`)).toMatchObject({
      ok: false,
      refusal: { code: 'timeout' },
    });
  });

  it('refuses an oversized page, by its declared length or as it streams', async () => {
    expect(await allowed()(`${base}/big`)).toMatchObject({ ok: false, refusal: { code: 'too_large' } });
    expect(await allowed({ maxBytes: 16 * 1024 })(`${base}/stream`)).toMatchObject({
      ok: false,
      refusal: { code: 'too_large' },
    });
  });

  it('refuses what is not a page or text, an error status, endless redirects and other schemes', async () => {
    expect(await allowed()(`${base}/image`)).toMatchObject({
      ok: false,
      refusal: { code: 'wrong_type', message: expect.stringContaining('image/png') },
    });
    expect(await allowed()(`${base}/missing`)).toMatchObject({ ok: false, refusal: { code: 'http_error' } });
    expect(await allowed()(`${base}/loop`)).toMatchObject({ ok: false, refusal: { code: 'too_many_redirects' } });
    expect(await allowed()('file:///etc/passwd')).toMatchObject({ ok: false, refusal: { code: 'invalid_url' } });
    expect(await allowed()('http://user:pw@127.0.0.1/')).toMatchObject({ ok: false, refusal: { code: 'invalid_url' } });
  });
});
