import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { claimSchema, deskEditSchema, topicSchema } from '@/domain/schemas';
import { createDeskKit, STORY } from './desk-test-kit';

let kit: Awaited<ReturnType<typeof createDeskKit>>;
beforeEach(async () => {
  kit = await createDeskKit();
});

const edits = async (claim: string) =>
  z.array(deskEditSchema).parse(await (await kit.app.request(`/api/claims/${claim}/edits`)).json());

async function newClaim(text = 'The talks were postponed.', topic = 'Meetings') {
  const response = await kit.send('POST', `/api/stories/${STORY}/claims`, { text, topic });
  expect(response.status).toBe(201);
  return { claim: claimSchema.parse(await response.json()), etag: response.headers.get('ETag') ?? '' };
}

describe('creating a claim', () => {
  it('answers 201 with the claim and its ETag, audited once, announced live', async () => {
    const before = await kit.auditCount();
    const { claim, etag } = await newClaim();
    expect(etag).toBe('"1"');
    expect((await kit.bundle()).claims.map((c) => c.id)).toContain(claim.id);
    expect(await kit.auditCount()).toBe(before + 1);
    expect((await edits(claim.id)).map((e) => e.action)).toEqual(['create']);
    expect(kit.published.at(-1)).toEqual({ name: 'coverage', data: { story: STORY, kind: 'claim', id: claim.id } });
  });

  it('refuses anonymous (401), readers (403) and bad input naming the field, storing nothing', async () => {
    const path = `/api/stories/${STORY}/claims`;
    const claims = (await kit.bundle()).claims.length;
    const before = await kit.auditCount();
    expect((await kit.send('POST', path, { text: 'x', topic: 'y' }, { cookie: null })).status).toBe(401);
    expect((await kit.send('POST', path, { text: 'x', topic: 'y' }, { cookie: kit.reader })).status).toBe(403);
    const bad: [unknown, string | undefined][] = [
      [{ topic: 'Meetings' }, 'text'],
      [{ text: '   ', topic: 'Meetings' }, 'text'],
      [{ text: 'A claim.' }, 'topic'],
      [{ text: 'A claim.', topic: 'Meetings', colour: 'red' }, 'colour'],
      [{ text: 'x'.repeat(1001), topic: 'Meetings' }, 'text'],
      [{ text: 'The sides will meet again soon.', topic: 'Meetings' }, 'text'],
    ];
    for (const [body, field] of bad) {
      const response = await kit.send('POST', path, body);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await kit.errorOf(response)).field).toBe(field);
    }
    const notJson = await kit.send('POST', path, '{"text":', { raw: true });
    expect([notJson.status, (await kit.errorOf(notJson)).code]).toEqual([400, 'invalid_json']);
    expect((await kit.bundle()).claims.length).toBe(claims);
    expect(await kit.auditCount()).toBe(before);
  });
});

describe('rewording and moving a claim', () => {
  it('keeps the old wording in the history, with one entry per change', async () => {
    const before = await kit.auditCount();
    const response = await kit.send(
      'PATCH',
      '/api/claims/deal',
      { text: 'There was a secret deal.' },
      { ifMatch: '"1"' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"2"');
    expect(claimSchema.parse(await response.json()).text).toBe('There was a secret deal.');
    const moved = await kit.send('PATCH', '/api/claims/deal', { topic: 'Secret talks' }, { ifMatch: '"2"' });
    expect(claimSchema.parse(await moved.json()).topic).toBe('Secret talks');
    expect(await kit.auditCount()).toBe(before + 2);
    const history = await edits('deal');
    expect(history.map((e) => [e.action, e.before, e.after])).toEqual([
      ['edit', { text: 'There was a deal.', topic: 'Deal' }, { text: 'There was a secret deal.', topic: 'Deal' }],
      [
        'edit',
        { text: 'There was a secret deal.', topic: 'Deal' },
        { text: 'There was a secret deal.', topic: 'Secret talks' },
      ],
    ]);
    expect(history.every((e) => e.editor === 'alice')).toBe(true);
  });

  it('needs If-Match (428), refuses a stale one with the claim as it stands (412), and bad input (400)', async () => {
    const before = await kit.auditCount();
    expect((await kit.send('PATCH', '/api/claims/deal', { text: 'New.' })).status).toBe(428);
    expect((await kit.send('PATCH', '/api/claims/deal', { text: 'New.' }, { ifMatch: '*' })).status).toBe(400);
    await kit.send('PATCH', '/api/claims/deal', { text: 'Newer.' }, { ifMatch: '"1"' });
    const stale = await kit.send('PATCH', '/api/claims/deal', { text: 'New.' }, { ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe('"2"');
    const body = (await stale.json()) as { claim: unknown };
    expect(claimSchema.parse(body.claim).text).toBe('Newer.');
    for (const [patch, field] of [
      [{}, undefined],
      [{ text: '' }, 'text'],
      [{ topic: 7 }, 'topic'],
      [{ verdict: 'false' }, 'verdict'],
    ] as const) {
      const response = await kit.send('PATCH', '/api/claims/deal', patch, { ifMatch: '"2"' });
      expect([response.status, (await kit.errorOf(response)).field]).toEqual([400, field]);
    }
    expect((await kit.send('PATCH', '/api/claims/deal', { text: 'x' }, { cookie: null, ifMatch: '"2"' })).status).toBe(
      401,
    );
    expect(
      (await kit.send('PATCH', '/api/claims/deal', { text: 'x' }, { cookie: kit.reader, ifMatch: '"2"' })).status,
    ).toBe(403);
    expect((await kit.send('PATCH', '/api/claims/none', { text: 'x' }, { ifMatch: '"1"' })).status).toBe(404);
    expect(await kit.auditCount()).toBe(before + 1);
    expect((await kit.bundle()).claims.find((c) => c.id === 'deal')?.text).toBe('Newer.');
  });

  it('undoes the latest change where it was made, with the new ETag, and audits the undo', async () => {
    await kit.send('PATCH', '/api/claims/deal', { text: 'Reworded.' }, { ifMatch: '"1"' });
    expect((await kit.send('POST', '/api/claims/deal/undo', undefined, { ifMatch: '"1"' })).status).toBe(412);
    const undo = await kit.send('POST', '/api/claims/deal/undo', undefined, { ifMatch: '"2"' });
    expect(undo.status).toBe(200);
    expect(undo.headers.get('ETag')).toBe('"3"');
    expect((await kit.bundle()).claims.find((c) => c.id === 'deal')?.text).toBe('There was a deal.');
    const history = await edits('deal');
    expect(history.map((e) => [e.action, e.undone])).toEqual([
      ['edit', true],
      ['undo-edit', false],
    ]);
    // An undo is not itself undone (no redo): the editor words the claim again instead.
    expect((await kit.send('POST', '/api/claims/deal/undo', undefined, { ifMatch: '"3"' })).status).toBe(409);
  });
});

describe('merging a duplicate claim', () => {
  it('moves its mentions, keeps both verdicts in the audit, and the old id leads to the new claim', async () => {
    await kit.patchVerdict('deal', { status: 'false', note: 'Denied.' }, { cookie: kit.editor, ifMatch: '"1"' });
    const { claim: dup } = await newClaim('A deal was struck.', 'Deal');
    const mention = await kit.send('POST', `/api/stories/${STORY}/mentions`, {
      claim: dup.id,
      article: 'art-b',
      stance: 'reports',
      range: [0, 17],
    });
    expect(mention.status).toBe(201);
    const before = await kit.auditCount();
    expect((await kit.send('POST', `/api/claims/${dup.id}/merge`, { into: 'deal' })).status).toBe(428);
    expect((await kit.send('POST', `/api/claims/${dup.id}/merge`, { into: dup.id }, { ifMatch: '"1"' })).status).toBe(
      400,
    );
    const unknown = await kit.send('POST', `/api/claims/${dup.id}/merge`, { into: 'nope' }, { ifMatch: '"1"' });
    expect([unknown.status, (await kit.errorOf(unknown)).field]).toEqual([400, 'into']);
    const merged = await kit.send('POST', `/api/claims/${dup.id}/merge`, { into: 'deal' }, { ifMatch: '"1"' });
    expect(merged.status).toBe(200);
    expect(await kit.auditCount()).toBe(before + 1);

    const bundle = await kit.bundle();
    expect(bundle.claims.map((c) => c.id)).not.toContain(dup.id);
    expect(bundle.mentions.filter((m) => m.claim === 'deal').length).toBe(2);
    const redirect = await kit.app.request(`/api/claims/${dup.id}`);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('Location')).toBe('/api/claims/deal');
    const [entry] = (await edits('deal')).filter((e) => e.action === 'merge');
    const before_ = entry?.before as { claim: { verdict: { status: string } }; into: { verdict: { status: string } } };
    expect([before_.claim.verdict.status, before_.into.verdict.status]).toEqual(['unreviewed', 'false']);
    expect((await kit.app.request('/api/claims/deal/history')).status).toBe(200);

    const undo = await kit.send('POST', `/api/claims/${dup.id}/undo`, undefined, { ifMatch: '"2"' });
    expect(undo.status).toBe(200);
    const after = await kit.bundle();
    expect(after.claims.map((c) => c.id)).toContain(dup.id);
    expect(after.mentions.filter((m) => m.claim === dup.id).length).toBe(1);
  });
});

describe('deleting a claim', () => {
  it('refuses while mentions carry it (409 naming why), removes it otherwise, and can bring it back', async () => {
    const before = await kit.auditCount();
    const refused = await kit.send('DELETE', '/api/claims/deal', undefined, { ifMatch: '"1"' });
    expect(refused.status).toBe(409);
    expect((await kit.errorOf(refused)).message).toMatch(/1 mention/);
    expect((await kit.send('DELETE', '/api/claims/deal')).status).toBe(428);
    expect(
      (await kit.send('DELETE', '/api/claims/deal', undefined, { cookie: kit.reader, ifMatch: '"1"' })).status,
    ).toBe(403);
    const { claim } = await newClaim();
    const removed = await kit.send('DELETE', `/api/claims/${claim.id}`, undefined, { ifMatch: '"1"' });
    expect(removed.status).toBe(200);
    expect(removed.headers.get('ETag')).toBe('"2"');
    expect((await kit.bundle()).claims.map((c) => c.id)).not.toContain(claim.id);
    expect((await kit.app.request(`/api/claims/${claim.id}`)).status).toBe(404);
    expect(await kit.auditCount()).toBe(before + 2);
    const undo = await kit.send('POST', `/api/claims/${claim.id}/undo`, undefined, { ifMatch: '"2"' });
    expect(undo.status).toBe(200);
    expect((await kit.bundle()).claims.map((c) => c.id)).toContain(claim.id);
  });
});

describe('renaming a topic', () => {
  it('renames every claim of the topic at once, versioned, audited once, and undoable', async () => {
    const topics = z.array(topicSchema).parse(await (await kit.app.request(`/api/stories/${STORY}/topics`)).json());
    expect(topics).toEqual([
      { name: 'Meetings', claims: 1, version: 1 },
      { name: 'Deal', claims: 1, version: 1 },
    ]);
    const path = `/api/stories/${STORY}/topics/${encodeURIComponent('Meetings')}`;
    const before = await kit.auditCount();
    expect((await kit.send('PATCH', path, { name: 'Talks' })).status).toBe(428);
    expect((await kit.send('PATCH', path, { name: 'Talks' }, { cookie: null, ifMatch: '"1"' })).status).toBe(401);
    expect((await kit.send('PATCH', path, { name: 'Talks' }, { cookie: kit.reader, ifMatch: '"1"' })).status).toBe(403);
    expect((await kit.send('PATCH', path, { name: '' }, { ifMatch: '"1"' })).status).toBe(400);
    const renamed = await kit.send('PATCH', path, { name: 'Talks' }, { ifMatch: '"1"' });
    expect(renamed.status).toBe(200);
    expect(topicSchema.parse(await renamed.json())).toEqual({ name: 'Talks', claims: 1, version: 2 });
    expect((await kit.send('PATCH', path, { name: 'Again' }, { ifMatch: '"1"' })).status).toBe(404);
    expect(await kit.auditCount()).toBe(before + 1);
    expect((await kit.bundle()).claims.find((c) => c.id === 'meet-again')?.topic).toBe('Talks');
    const undo = await kit.send('POST', `/api/stories/${STORY}/topics/Talks/undo`, undefined, { ifMatch: '"2"' });
    expect(undo.status).toBe(200);
    expect((await kit.bundle()).claims.find((c) => c.id === 'meet-again')?.topic).toBe('Meetings');
  });
});
