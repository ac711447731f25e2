import { describe, expect, it } from 'vitest';
import { apiErrorSchema, sessionStateSchema } from '@/domain/schemas';
import { hashSessionToken } from '../auth/session-token';
import { addAccount, createTestApi, sessionCookieOf } from './api-test-kit';

type Api = Awaited<ReturnType<typeof createTestApi>>;

const signInRequest = (api: Api, username: string, password: string, headers: Record<string, string> = {}) =>
  api.app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

const whoIs = async (api: Api, cookie?: string, url = '/api/session') =>
  sessionStateSchema.parse(await (await api.app.request(url, { headers: cookie ? { Cookie: cookie } : {} })).json())
    .user;

describe('sessions', () => {
  it('signs in with a name and password, sets an HttpOnly SameSite cookie and says who is signed in', async () => {
    const api = await createTestApi();
    expect(await whoIs(api)).toBeNull();
    const response = await signInRequest(api, 'Alice ', 'correct horse battery');
    expect(response.status).toBe(200);
    expect(sessionStateSchema.parse(await response.json()).user).toEqual({ username: 'alice', role: 'editor' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^parallax_session=[\w-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=43200/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = sessionCookieOf(response);
    expect(await whoIs(api, cookie)).toEqual({ username: 'alice', role: 'editor' });
    const events = await api.store.listSecurityEvents();
    expect(events.at(-1)).toMatchObject({ kind: 'signed_in', username: 'alice', address: '192.0.2.1' });
  });

  it('stores only a hash of the token', async () => {
    const api = await createTestApi();
    const token = (await api.signIn('alice')).split('=')[1]!;
    expect(await api.store.findSession(token, api.clock.now)).toBeNull();
    expect(await api.store.findSession(hashSessionToken(token), api.clock.now)).toMatchObject({ username: 'alice' });
  });

  it('uses a __Host- cookie with Secure under https', async () => {
    const api = await createTestApi();
    const response = await api.app.request('https://parallax.example/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'correct horse battery' }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-parallax_session=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    const cookie = sessionCookieOf(response);
    expect(await whoIs(api, cookie, 'https://parallax.example/api/session')).toMatchObject({ username: 'alice' });
    // The plain name does not count under https, so a cookie planted over http cannot stand in.
    const planted = cookie.replace('__Host-', '');
    expect(await whoIs(api, planted, 'https://parallax.example/api/session')).toBeNull();
  });

  it('refuses a wrong password or unknown name alike, and logs the failure', async () => {
    const api = await createTestApi();
    for (const [name, password] of [
      ['alice', 'wrong password'],
      ['nobody', 'correct horse battery'],
    ]) {
      const response = await signInRequest(api, name!, password!);
      expect(response.status).toBe(401);
      expect(apiErrorSchema.parse(await response.json()).error.message).toBe('wrong name or password');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const failures = (await api.store.listSecurityEvents()).filter((e) => e.kind === 'sign_in_failed');
    expect(failures.map((e) => [e.username, e.detail])).toEqual([
      ['alice', 'wrong password'],
      ['nobody', 'no such account'],
    ]);
  });

  it('slows a client after five wrong passwords with growing delays, never stopping the owner elsewhere', async () => {
    const api = await createTestApi();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await signInRequest(api, 'alice', `wrong ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const slowed = await signInRequest(api, 'alice', 'correct horse battery');
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('1');
    expect(apiErrorSchema.parse(await slowed.json()).error.code).toBe('too_many_attempts');
    // The owner, from another address, signs in at once; so does another account from this one.
    const owner = { 'x-test-address': '203.0.113.50' };
    expect((await signInRequest(api, 'alice', 'correct horse battery', owner)).status).toBe(200);
    expect((await signInRequest(api, 'bob', 'correct horse battery')).status).toBe(200);
    expect((await api.store.listSecurityEvents()).filter((e) => e.kind === 'sign_in_throttled')).toEqual([
      expect.objectContaining({ username: 'alice', occurrences: 2 }),
    ]);
    // The delay doubles with each further failure, and a right password goes through once it has passed.
    api.clock.now += 1_000;
    expect((await signInRequest(api, 'alice', 'wrong again')).status).toBe(401);
    expect((await signInRequest(api, 'alice', 'correct horse battery')).headers.get('retry-after')).toBe('2');
    api.clock.now += 2_000;
    expect((await signInRequest(api, 'alice', 'correct horse battery')).status).toBe(200);
  });

  it('stops a spray of 1,000 guesses from one client, even spread over 1,000 seconds', async () => {
    const api = await createTestApi();
    const from = { 'x-test-address': '198.51.100.66' };
    const statuses: number[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      statuses.push((await signInRequest(api, i % 2 ? 'alice' : `user${i}`, `guess ${i}`, from)).status);
      api.clock.now += 1_000;
    }
    // 20 free failures for the address, then delays of 1, 2, 4 … s: about ten more checks in 1,000 s.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(checked).toBeLessThan(35);
    expect(statuses.filter((s) => s === 429).length).toBe(1_000 - checked);
    // The owner from her own address is not stopped by any of it.
    expect((await signInRequest(api, 'alice', 'correct horse battery')).status).toBe(200);
  }, 60_000);

  it('limits a burst of parallel guesses as strictly as sequential ones', async () => {
    const api = await createTestApi();
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => (await signInRequest(api, 'alice', `wrong ${i}`)).status),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect((await api.store.listSecurityEvents()).filter((e) => e.kind === 'sign_in_throttled')).toEqual([
      expect.objectContaining({ occurrences: 7 }),
    ]);
  });

  it('limits failures per address across many account names', async () => {
    const api = await createTestApi();
    await addAccount(api.store, 'eve', 'editor');
    const from = { 'x-test-address': '198.51.100.7' };
    for (const name of ['alice', 'bob', 'rita', 'ada']) {
      for (let i = 0; i < 5; i += 1) expect((await signInRequest(api, name, 'guess', from)).status).toBe(401);
    }
    expect((await signInRequest(api, 'eve', 'correct horse battery', from)).status).toBe(429);
    expect((await signInRequest(api, 'eve', 'correct horse battery')).status).toBe(200);
    api.clock.now += 1_000;
    expect((await signInRequest(api, 'eve', 'correct horse battery', from)).status).toBe(200);
  });

  it('a right password clears the account count', async () => {
    const api = await createTestApi();
    for (let i = 0; i < 4; i += 1) await signInRequest(api, 'alice', 'wrong');
    expect((await signInRequest(api, 'alice', 'correct horse battery')).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await signInRequest(api, 'alice', 'wrong')).status).toBe(401);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const api = await createTestApi();
    const cookie = await api.signIn('alice');
    const response = await api.app.request('/api/session', { method: 'DELETE', headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^parallax_session=; Max-Age=0/);
    expect(await whoIs(api, cookie)).toBeNull();
    expect((await api.store.listSecurityEvents()).at(-1)).toMatchObject({ kind: 'signed_out', username: 'alice' });
  });

  it('ends a session when it expires or its account is removed, and reflects a role change at once', async () => {
    const api = await createTestApi();
    const cookie = await api.signIn('alice');
    await api.store.updateAccount('alice', { role: 'reader' });
    expect(await whoIs(api, cookie)).toEqual({ username: 'alice', role: 'reader' });
    api.clock.now += 12 * 60 * 60_000;
    expect(await whoIs(api, cookie)).toBeNull();
    const bob = await api.signIn('bob');
    await api.store.deleteAccount('bob');
    expect(await whoIs(api, bob)).toBeNull();
  });

  it('names the problem of a bad sign-in request', async () => {
    const api = await createTestApi();
    const send = (body: string, type = 'application/json') =>
      api.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': type }, body });
    const expectError = async (response: Response, status: number, field?: string) => {
      expect(response.status).toBe(status);
      expect(apiErrorSchema.parse(await response.json()).error.field).toBe(field);
    };
    await expectError(
      await send('username=alice&password=x', 'application/x-www-form-urlencoded'),
      415,
      'Content-Type',
    );
    await expectError(await send('{'), 400);
    await expectError(await send(JSON.stringify({ username: 'alice' })), 400, 'password');
    await expectError(await send(JSON.stringify({ username: '', password: 'x' })), 400, 'username');
    await expectError(await send(JSON.stringify({ username: 'a', password: 'x', admin: true })), 400, 'admin');
    await expectError(await api.app.request('/api/session', { method: 'PUT' }), 405);
  });
});
