import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { crossOriginProblem } from './origin-check';

const app = new Hono();
app.all('*', (c) => c.text(crossOriginProblem(c) ?? 'ok'));
const check = async (method: string, headers: Record<string, string>, url = 'http://parallax.example/api/x') =>
  (await app.request(url, { method, headers })).text();

describe('origin check', () => {
  it('lets reads through from anywhere', async () => {
    expect(await check('GET', { Origin: 'https://evil.example' })).toBe('ok');
    expect(await check('OPTIONS', { Origin: 'https://evil.example' })).toBe('ok');
  });

  it('lets a state-changing request through from the same origin, or from a program that sends none', async () => {
    expect(await check('POST', { Origin: 'http://parallax.example', Host: 'parallax.example' })).toBe('ok');
    expect(await check('PATCH', { Origin: 'http://127.0.0.1:5174', Host: '127.0.0.1:5174' })).toBe('ok');
    expect(await check('DELETE', {})).toBe('ok');
    expect(await check('POST', { 'Sec-Fetch-Site': 'same-origin' })).toBe('ok');
  });

  it('refuses another origin, another port, an opaque origin, a malformed one, or a cross-site fetch', async () => {
    expect(await check('POST', { Origin: 'https://evil.example', Host: 'parallax.example' })).toMatch(/evil/);
    expect(await check('PATCH', { Origin: 'http://127.0.0.1:6666', Host: '127.0.0.1:5174' })).toMatch(/not from/);
    expect(await check('DELETE', { Origin: 'null' })).toMatch(/opaque/);
    expect(await check('POST', { Origin: 'not a url' })).toMatch(/not an origin/);
    expect(await check('PUT', { 'Sec-Fetch-Site': 'cross-site' })).toMatch(/cross-site/);
    expect(await check('PUT', { 'Sec-Fetch-Site': 'same-site' })).toMatch(/same-site/);
  });

  it('compares the scheme too: https://host is not the origin of an http deployment', async () => {
    expect(await check('POST', { Origin: 'https://parallax.example', Host: 'parallax.example' })).toMatch(
      /https:\/\/parallax\.example, not from this site/,
    );
  });

  it('with pinned public origins, takes exactly those, whatever the Host says', async () => {
    const pinned = new Hono();
    pinned.all('*', (c) => c.text(crossOriginProblem(c, ['https://parallax.example.org']) ?? 'ok'));
    const send = async (headers: Record<string, string>) =>
      (await pinned.request('/api/x', { method: 'POST', headers })).text();
    expect(await send({ Origin: 'https://parallax.example.org', Host: 'parallax.example.org' })).toBe('ok');
    expect(await send({ Origin: 'http://parallax.example.org', Host: 'parallax.example.org' })).toMatch(/not from/);
    expect(await send({ Origin: 'https://parallax.example.org:8443', Host: 'parallax.example.org' })).toMatch(
      /not from/,
    );
    expect(await send({ Origin: 'https://rebound.example', Host: 'rebound.example' })).toMatch(/not from/);
  });
});
