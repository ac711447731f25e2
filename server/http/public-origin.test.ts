import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { pinnedHost, publicOriginsFor } from './public-origin';

describe('publicOriginsFor', () => {
  it('defaults to the listening address, under every loopback name on loopback', () => {
    expect(publicOriginsFor(null, '127.0.0.1', 5174)).toEqual([
      'http://127.0.0.1:5174',
      'http://localhost:5174',
      'http://[::1]:5174',
    ]);
    expect(publicOriginsFor(null, '192.0.2.7', 80)).toEqual(['http://192.0.2.7']);
    expect(publicOriginsFor(['https://parallax.example.org'], '0.0.0.0', 5174)).toEqual([
      'https://parallax.example.org',
    ]);
  });

  it('refuses to guess behind a wildcard address, naming the setting', () => {
    expect(() => publicOriginsFor(null, '0.0.0.0', 5174)).toThrow(/PARALLAX_PUBLIC_ORIGIN/);
  });
});

describe('pinnedHost', () => {
  const app = new Hono();
  app.use(
    '*',
    pinnedHost(() => ['http://127.0.0.1:5174', 'http://localhost:5174']),
  );
  app.get('*', (c) => c.text('served'));

  it('serves requests addressed to a public origin and refuses any other Host with a JSON 421', async () => {
    expect(await (await app.request('/api/health', { headers: { Host: '127.0.0.1:5174' } })).text()).toBe('served');
    expect(await (await app.request('/', { headers: { Host: 'LOCALHOST:5174' } })).text()).toBe('served');
    for (const host of ['rebound.example', '127.0.0.1:5175', 'localhost']) {
      const refused = await app.request('/api/health', { headers: { Host: host } });
      expect(refused.status).toBe(421);
      expect((await refused.json()).error).toMatchObject({ code: 'misdirected_request', field: 'Host' });
    }
  });
});
