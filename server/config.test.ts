import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to loopback, port 5174 and a database in data/', () => {
    expect(readConfig({}, '/srv/parallax')).toEqual({
      port: 5174,
      host: '127.0.0.1',
      databasePath: '/srv/parallax/data/parallax.db',
      databaseUrl: null,
      trustedProxies: 0,
      distDir: null,
      buildSpa: true,
      publicOrigins: null,
      analysisTimeLimitMs: 30_000,
      desk: { name: 'Parallax', url: null, publishedUrl: null },
    });
  });

  it('takes the publishing desk from the environment, refusing an address that is not http(s)', () => {
    expect(
      readConfig(
        {
          PARALLAX_DESK_NAME: 'Rafah Desk',
          PARALLAX_DESK_URL: 'https://desk.example.org/',
          PARALLAX_PUBLISHED_URL: 'https://checks.example.org/rafah/',
        },
        '/srv',
      ).desk,
    ).toEqual({
      name: 'Rafah Desk',
      url: 'https://desk.example.org/',
      publishedUrl: 'https://checks.example.org/rafah/',
    });
    expect(() => readConfig({ PARALLAX_DESK_URL: 'ftp://desk.example.org' }, '/srv')).toThrow(/PARALLAX_DESK_URL/);
    expect(() => readConfig({ PARALLAX_DESK_NAME: '  ' }, '/srv')).toThrow(/PARALLAX_DESK_NAME/);
  });

  it('takes PORT and PARALLAX_DB from the environment', () => {
    expect(readConfig({ PORT: '8080', PARALLAX_DB: '/tmp/x.db' }, '/srv')).toMatchObject({
      port: 8080,
      databasePath: '/tmp/x.db',
    });
  });

  it('takes a PostgreSQL URL and the number of trusted proxies, refusing what they cannot be', () => {
    expect(
      readConfig({ PARALLAX_DATABASE_URL: 'postgres://u@db/parallax', PARALLAX_TRUST_PROXY: '1' }, '/srv'),
    ).toMatchObject({ databaseUrl: 'postgres://u@db/parallax', trustedProxies: 1 });
    expect(() => readConfig({ PARALLAX_DATABASE_URL: 'mysql://db' }, '/srv')).toThrow(/PARALLAX_DATABASE_URL/);
    expect(() => readConfig({ PARALLAX_TRUST_PROXY: 'yes' }, '/srv')).toThrow(/PARALLAX_TRUST_PROXY/);
  });

  it('refuses a PORT that is not a port, naming it', () => {
    expect(() => readConfig({ PORT: 'eighty' }, '/srv')).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' }, '/srv')).toThrow(/PORT must be between/);
  });

  it('reads PARALLAX_PUBLIC_ORIGIN as a list of origins and refuses what is not an origin', () => {
    expect(
      readConfig({ PARALLAX_PUBLIC_ORIGIN: 'https://Parallax.example.org, http://localhost:5173' }, '/srv'),
    ).toMatchObject({ publicOrigins: ['https://parallax.example.org', 'http://localhost:5173'] });
    expect(() => readConfig({ PARALLAX_PUBLIC_ORIGIN: 'https://x.example/app' }, '/srv')).toThrow(
      /PARALLAX_PUBLIC_ORIGIN: .*not an origin/,
    );
    expect(() => readConfig({ PARALLAX_PUBLIC_ORIGIN: 'ftp://x.example' }, '/srv')).toThrow(/PARALLAX_PUBLIC_ORIGIN/);
  });
});
