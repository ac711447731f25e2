import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiErrorSchema, auditEntrySchema, claimSchema, staleVersionBodySchema } from '@/domain/schemas';
import { openSqliteStore } from '../store/sql/sql-store';
import type { Store } from '../store/store';
import { testPostgresStore } from '../store/store-test-kit';
import { createTestApi } from './api-test-kit';

const dir = mkdtempSync(join(tmpdir(), 'parallax-verdict-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

const disputed = { status: 'disputed', note: 'Both governments deny it.' };

async function errorOf(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = apiErrorSchema.parse(await response.json());
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

const historyOf = async (api: Awaited<ReturnType<typeof createTestApi>>, claim = 'deal') =>
  z.array(auditEntrySchema).parse(await (await api.app.request(`/api/claims/${claim}/history`)).json());

describe('PATCH /api/claims/:id/verdict', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let alice: string;
  beforeEach(async () => {
    api = await createTestApi();
    alice = await api.signIn('alice');
  });

  it('changes the verdict of a signed-in editor, returning the claim with its new ETag and an audit entry', async () => {
    const response = await api.patchVerdict(
      'deal',
      {
        ...disputed,
        evidence: [
          { kind: 'mention', mention: 'm-b-deal' },
          { kind: 'url', url: 'https://example.org/a' },
        ],
      },
      { cookie: alice, ifMatch: '"1"' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const claim = claimSchema.parse(await response.json());
    expect(claim.verdict).toEqual({
      status: 'disputed',
      note: 'Both governments deny it.',
      evidence: [
        { kind: 'mention', mention: 'm-b-deal' },
        { kind: 'url', url: 'https://example.org/a' },
      ],
      editor: 'alice',
      at: '2024-05-06T12:00:00.000Z',
      version: 2,
    });
    const bundle = await (await api.app.request('/api/stories/fixture-story')).json();
    expect(bundle.claims.find((c: { id: string }) => c.id === 'deal').verdict.version).toBe(2);
    const got = await api.app.request('/api/claims/deal');
    expect(got.headers.get('etag')).toBe('"2"');
    expect(await historyOf(api)).toEqual([
      expect.objectContaining({
        editor: 'alice',
        at: '2024-05-06T12:00:00.000Z',
        version: 2,
        from: { status: 'unreviewed', note: '', evidence: [] },
        to: expect.objectContaining({ status: 'disputed', note: 'Both governments deny it.' }),
      }),
    ]);
  });

  it('accepts a bare version in If-Match and changes only the fields sent', async () => {
    await api.patchVerdict('deal', disputed, { cookie: alice, ifMatch: '1' });
    const response = await api.patchVerdict('deal', { note: 'Denied on the record.' }, { cookie: alice, ifMatch: '2' });
    expect(response.status).toBe(200);
    expect(claimSchema.parse(await response.json()).verdict).toMatchObject({
      status: 'disputed',
      note: 'Denied on the record.',
      version: 3,
    });
  });

  it('refuses a stale version with 412 and the claim as it now stands', async () => {
    await api.patchVerdict('deal', disputed, { cookie: alice, ifMatch: '"1"' });
    const bob = await api.signIn('bob');
    const response = await api.patchVerdict('deal', { status: 'verified' }, { cookie: bob, ifMatch: '"1"' });
    expect(response.status).toBe(412);
    expect(response.headers.get('etag')).toBe('"2"');
    const body = staleVersionBodySchema.parse(await response.json());
    expect(body.error.message).toContain('by alice');
    expect(body.claim.verdict).toMatchObject({ status: 'disputed', editor: 'alice', version: 2 });
    expect(await historyOf(api)).toHaveLength(1);
  });

  it('records a change saved over another version after a conflict, and refuses one that names another base', async () => {
    await api.patchVerdict('deal', disputed, { cookie: alice, ifMatch: '"1"' });
    const bob = await api.signIn('bob');
    expect((await api.patchVerdict('deal', { status: 'verified' }, { cookie: bob, ifMatch: '"1"' })).status).toBe(412);
    const wrong = await api.patchVerdict(
      'deal',
      { status: 'verified', resolvesConflict: 1 },
      { cookie: bob, ifMatch: '"2"' },
    );
    expect((await errorOf(wrong, 400, 'resolvesConflict')).message).toMatch(/If-Match 2/);
    expect(await historyOf(api)).toHaveLength(1);
    const resolved = await api.patchVerdict(
      'deal',
      { status: 'verified', resolvesConflict: 2 },
      { cookie: bob, ifMatch: '"2"' },
    );
    expect(resolved.status).toBe(200);
    const history = await historyOf(api);
    expect(history.map((entry) => [entry.editor, entry.version, entry.conflictWith])).toEqual([
      ['alice', 2, undefined],
      ['bob', 3, 2],
    ]);
  });

  describe.each([
    ['sqlite', (): Promise<Store> => openSqliteStore(join(dir, `concurrent-${(counter += 1)}.db`))],
    ['postgres', (): Promise<Store> => testPostgresStore()],
  ])('over the %s store', (_name, createStore) => {
    it('accepts exactly one of 20 concurrent changes based on the same version; 19 get 412', async () => {
      const store = await createStore();
      const concurrent = await createTestApi({ store });
      const [aliceCookie, bobCookie] = [await concurrent.signIn('alice'), await concurrent.signIn('bob')];
      const before = await historyOf(concurrent);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          concurrent.patchVerdict(
            'deal',
            { status: i % 2 ? 'false' : 'disputed', note: `change ${i}` },
            { cookie: i % 2 ? bobCookie : aliceCookie, ifMatch: '"1"' },
          ),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(19);
      const history = await historyOf(concurrent);
      expect(history).toHaveLength(before.length + 1);
      const winner = claimSchema.parse(await responses[statuses.indexOf(200)]!.json());
      expect(history.at(-1)?.to.note).toBe(winner.verdict.note);
      await store.close();
    });
  });

  it('answers an anonymous change with 401 and a reader with 403, storing nothing', async () => {
    await errorOf(await api.patchVerdict('deal', disputed, { ifMatch: '"1"' }), 401);
    const rita = await api.signIn('rita');
    expect(
      (await errorOf(await api.patchVerdict('deal', disputed, { cookie: rita, ifMatch: '"1"' }), 403)).message,
    ).toMatch(/rita may read but not change/);
    const forged = 'parallax_session=not-a-real-token';
    await errorOf(await api.patchVerdict('deal', disputed, { cookie: forged, ifMatch: '"1"' }), 401);
    expect(await historyOf(api)).toEqual([]);
  });

  it('lets an admin change verdicts too', async () => {
    const ada = await api.signIn('ada');
    expect((await api.patchVerdict('deal', disputed, { cookie: ada, ifMatch: '"1"' })).status).toBe(200);
  });

  it('refuses a cross-origin change even with a valid session cookie', async () => {
    const response = await api.patchVerdict('deal', disputed, {
      cookie: alice,
      ifMatch: '"1"',
      headers: { Origin: 'https://evil.example', Host: 'localhost' },
    });
    expect((await errorOf(response, 403, 'Origin')).code).toBe('cross_origin');
    const opaque = await api.patchVerdict('deal', disputed, {
      cookie: alice,
      ifMatch: '"1"',
      headers: { Origin: 'null' },
    });
    await errorOf(opaque, 403, 'Origin');
    const marked = await api.patchVerdict('deal', disputed, {
      cookie: alice,
      ifMatch: '"1"',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    await errorOf(marked, 403, 'Origin');
    expect(await historyOf(api)).toEqual([]);

    const sameOrigin = await api.patchVerdict('deal', disputed, {
      cookie: alice,
      ifMatch: '"1"',
      headers: { Origin: 'http://localhost', Host: 'localhost', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a cross-origin sign-in, sign-out and history deletion alike', async () => {
    const headers = { Origin: 'https://evil.example', 'Content-Type': 'application/json' };
    for (const [method, path] of [
      ['POST', '/api/session'],
      ['DELETE', '/api/session'],
      ['DELETE', '/api/claims/deal/history'],
    ] as const) {
      const response = await api.app.request(path, {
        method,
        headers: { ...headers, Cookie: alice },
        body: method === 'POST' ? JSON.stringify({ username: 'alice', password: 'x' }) : undefined,
      });
      await errorOf(response, 403, 'Origin');
    }
    const session = await (await api.app.request('/api/session', { headers: { Cookie: alice } })).json();
    expect(session).toEqual({ user: { username: 'alice', role: 'editor' } });
  });

  it('answers a missing If-Match with 428 and a malformed one with 400', async () => {
    expect((await errorOf(await api.patchVerdict('deal', disputed, { cookie: alice }), 428, 'If-Match')).code).toBe(
      'precondition_required',
    );
    for (const bad of ['"abc"', 'W/"1"', '*', '"1", "2"', '0', '"-1"', '1.5']) {
      await errorOf(await api.patchVerdict('deal', disputed, { cookie: alice, ifMatch: bad }), 400, 'If-Match');
    }
    expect(await historyOf(api)).toEqual([]);
  });

  it('names the problem of bad input with a JSON 4xx and stores nothing', async () => {
    const ok = { cookie: alice, ifMatch: '"1"' };
    await errorOf(await api.patchVerdict('deal', { status: 'probably' }, ok), 400, 'status');
    const longNote = await errorOf(await api.patchVerdict('deal', { note: 'x'.repeat(10_001) }, ok), 400, 'note');
    expect(longNote.message).toMatch(/10,000/);
    await errorOf(await api.patchVerdict('deal', {}, ok), 400);
    await errorOf(await api.patchVerdict('deal', { ...disputed, verdict: 'x' }, ok), 400, 'verdict');
    await errorOf(await api.patchVerdict('deal', '{"status":', ok), 400);
    await errorOf(await api.patchVerdict('deal', [1, 2], ok), 400);
    await errorOf(
      await api.patchVerdict('deal', { evidence: [{ kind: 'url', url: 'javascript:alert(1)' }] }, ok),
      400,
      'evidence.0.url',
    );
    await errorOf(
      await api.patchVerdict('deal', { evidence: [{ kind: 'mention', mention: 'm-a-meet' }] }, ok),
      400,
      'evidence.0.mention',
    );
    await errorOf(await api.patchVerdict('deal', { evidence: [{ kind: 'photo' }] }, ok), 400, 'evidence.0.kind');
    await errorOf(await api.patchVerdict('no-such-claim', disputed, ok), 404, 'claim');
    await errorOf(await api.patchVerdict('Not%20An%20Id', disputed, ok), 400, 'claim');
    const form = await api.patchVerdict('deal', 'status=disputed', {
      ...ok,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect((await errorOf(form, 415, 'Content-Type')).message).toMatch(/application\/json/);
    const huge = await api.patchVerdict('deal', { note: 'x'.repeat(300_000) }, ok);
    await errorOf(huge, 413);
    expect(await historyOf(api)).toEqual([]);
    expect((await api.store.getClaim('deal'))?.verdict.version).toBe(1);
  });

  it('logs refused changes in the security log', async () => {
    await api.patchVerdict('deal', disputed, { ifMatch: '"1"' });
    await api.patchVerdict('deal', disputed, { cookie: alice });
    await api.patchVerdict('deal', disputed, {
      cookie: alice,
      ifMatch: '"1"',
      headers: { Origin: 'https://evil.example' },
    });
    const refused = (await api.store.listSecurityEvents()).filter((e) => e.kind === 'change_refused');
    expect(refused.map((e) => e.detail)).toEqual([
      expect.stringMatching(/401 unauthenticated/),
      expect.stringMatching(/428 precondition_required/),
      expect.stringMatching(/cross-origin/),
    ]);
    expect(refused[1]).toMatchObject({ username: 'alice', address: '192.0.2.1' });
  });
});

describe('GET /api/claims/:id/history', () => {
  it('lists the changes oldest first and cannot be edited or deleted through the API', async () => {
    const api = await createTestApi();
    const alice = await api.signIn('alice');
    const bob = await api.signIn('bob');
    await api.patchVerdict('deal', disputed, { cookie: alice, ifMatch: '"1"' });
    api.clock.now += 60_000;
    await api.patchVerdict('deal', { status: 'false', note: 'No deal.' }, { cookie: bob, ifMatch: '"2"' });
    const history = await historyOf(api);
    expect(history.map((e) => [e.editor, e.from.status, e.to.status, e.at])).toEqual([
      ['alice', 'unreviewed', 'disputed', '2024-05-06T12:00:00.000Z'],
      ['bob', 'disputed', 'false', '2024-05-06T12:01:00.000Z'],
    ]);

    for (const method of ['PUT', 'DELETE', 'PATCH', 'POST']) {
      const response = await api.app.request('/api/claims/deal/history', {
        method,
        headers: { Cookie: alice, 'Content-Type': 'application/json' },
        body: method === 'DELETE' ? undefined : '[]',
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await api.app.request(`/api/claims/deal/history/${history[0]!.id}`, {
        method,
        headers: { Cookie: alice, 'Content-Type': 'application/json' },
        body: method === 'DELETE' ? undefined : JSON.stringify({ editor: 'mallory' }),
      });
      await errorOf(response, 404);
    }
    expect(await historyOf(api)).toEqual(history);
  });

  it('answers an unknown claim with 404 and a malformed id with 400', async () => {
    const api = await createTestApi();
    await errorOf(await api.app.request('/api/claims/no-such-claim/history'), 404, 'claim');
    await errorOf(await api.app.request('/api/claims/BAD%20ID/history'), 400, 'claim');
  });
});
