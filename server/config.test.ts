import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to loopback, port 5174 and a database in data/', () => {
    expect(readConfig({}, '/srv/parallax')).toEqual({
      port: 5174,
      host: '127.0.0.1',
      databasePath: '/srv/parallax/data/parallax.db',
      distDir: null,
      buildSpa: true,
      publicOrigins: null,
      analysisTimeLimitMs: 30_000,
    });
  });

  it('takes PORT and PARALLAX_DB from the environment', () => {
    expect(readConfig({ PORT: '8080', PARALLAX_DB: '/tmp/x.db' }, '/srv')).toMatchObject({
      port: 8080,
      databasePath: '/tmp/x.db',
    });
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
