import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { actorSchema, deskEditSchema, versionedMentionSchema } from '@/domain/schemas';
import { createDeskKit, STORY } from './desk-test-kit';

let kit: Awaited<ReturnType<typeof createDeskKit>>;
beforeEach(async () => {
  kit = await createDeskKit();
});

// art-b: 'Earlier this week, a report said the two sides agreed to meet again soon.\nOfficials denied any deal.'
const DENIED = { start: 74, end: 100, exact: 'Officials denied any deal.' };
const chain = [
  { kind: 'actor', id: 'officials' },
  { kind: 'outlet', id: 'outlet-one' },
  { kind: 'outlet', id: 'outlet-two' },
];
const record = (patch: Record<string, unknown> = {}) =>
  kit.send('POST', `/api/stories/${STORY}/mentions`, {
    claim: 'deal',
    article: 'art-b',
    stance: 'reports',
    spans: [DENIED],
    attribution: chain,
    ...patch,
  });
const mentionEdits = async (id: string) =>
  z.array(deskEditSchema).parse(await (await kit.app.request(`/api/mentions/${id}/edits`)).json());

describe('recording a mention', () => {
  it('answers 201 with an ETag, and takes a second mention of the claim in the same article', async () => {
    const before = await kit.auditCount();
    const first = await record();
    expect(first.status).toBe(201);
    expect(first.headers.get('ETag')).toBe('"1"');
    const mention = versionedMentionSchema.parse(await first.json());
    expect(mention.spans[0]).toMatchObject({ ...DENIED, article: 'art-b', prefix: expect.any(String) });
    // The fixture already has art-b denying the deal; a further mention, reporting it, is kept beside it.
    const bundle = await kit.bundle();
    expect(bundle.mentions.filter((m) => m.claim === 'deal' && m.article === 'art-b').map((m) => m.stance)).toEqual([
      'denies',
      'reports',
    ]);
    expect(await kit.auditCount()).toBe(before + 1);
    // The live update names the mention's claim and article, so pages refetch only that evidence.
    expect(kit.published.at(-1)?.data).toEqual({
      story: STORY,
      kind: 'mention',
      id: mention.id,
      claim: 'deal',
      article: 'art-b',
    });
    const got = await kit.app.request(`/api/mentions/${mention.id}`);
    expect(got.headers.get('ETag')).toBe('"1"');
    expect(versionedMentionSchema.parse(await got.json()).attribution).toEqual(chain);
    // The very same evidence twice is one mention.
    expect((await record()).status).toBe(409);
  });

  it('takes co-sources in a step of the chain', async () => {
    const response = await record({
      attribution: [
        {
          sources: [
            { kind: 'actor', id: 'officials' },
            { kind: 'actor', id: 'unused-actor' },
          ],
        },
        { kind: 'outlet', id: 'outlet-two' },
      ],
    });
    expect(response.status).toBe(201);
  });

  it('refuses spans that do not resolve or cut words, unknown sources, and chains not ending with the outlet', async () => {
    const mentions = (await kit.bundle()).mentions.length;
    const before = await kit.auditCount();
    const cases: [Record<string, unknown>, number, string | undefined][] = [
      [{ spans: [{ start: 74, end: 100, exact: 'Officials denied any deals' }] }, 400, 'spans.0'],
      [{ spans: [{ start: 75, end: 100 }] }, 400, 'spans.0'],
      [{ spans: [{ start: 74, end: 98 }] }, 400, 'spans.0'],
      [{ spans: [{ start: 73, end: 100 }] }, 400, 'spans.0'],
      [{ spans: [{ start: 74, end: 5000 }] }, 400, 'spans.0'],
      [{ spans: [DENIED, { start: 84, end: 90 }] }, 400, 'spans.1'],
      [{ spans: [] }, 400, 'spans'],
      [{ spans: undefined }, 400, 'spans'],
      [{ attribution: [{ kind: 'actor', id: 'ghost' }, chain[2]] }, 400, 'attribution.0.id'],
      [
        { attribution: [{ sources: [chain[0], { kind: 'actor', id: 'ghost' }] }, chain[2]] },
        400,
        'attribution.0.sources.1.id',
      ],
      [{ attribution: [chain[0], chain[1]] }, 400, 'attribution'],
      [{ attribution: [{ sources: [chain[1], chain[2]] }] }, 400, 'attribution'],
      [{ attribution: [] }, 400, 'attribution'],
      [{ stance: 'hints' }, 400, 'stance'],
      [{ claim: 'nope' }, 404, 'claim'],
      [{ article: 'nope' }, 404, 'article'],
      [{ extra: 1 }, 400, 'extra'],
    ];
    for (const [patch, status, field] of cases) {
      const response = await record(patch);
      expect([JSON.stringify(patch), response.status, (await kit.errorOf(response)).field]).toEqual([
        JSON.stringify(patch),
        status,
        field,
      ]);
    }
    expect((await record({})).status).toBe(201);
    expect((await kit.bundle()).mentions.length).toBe(mentions + 1);
    expect(await kit.auditCount()).toBe(before + 1);
  });

  it('is for editors: 401 anonymous, 403 readers', async () => {
    const body = { claim: 'deal', article: 'art-b', stance: 'reports', spans: [DENIED] };
    const path = `/api/stories/${STORY}/mentions`;
    expect((await kit.send('POST', path, body, { cookie: null })).status).toBe(401);
    expect((await kit.send('POST', path, body, { cookie: kit.reader })).status).toBe(403);
  });
});

describe('correcting a mention', () => {
  it('changes stance, spans and chain with If-Match, one audit entry each, and undoes the latest', async () => {
    const path = '/api/mentions/m-b-deal';
    const before = await kit.auditCount();
    expect((await kit.send('PATCH', path, { stance: 'reports' })).status).toBe(428);
    expect((await kit.send('PATCH', path, { stance: 'reports' }, { cookie: null, ifMatch: '"1"' })).status).toBe(401);
    expect((await kit.send('PATCH', path, { stance: 'reports' }, { cookie: kit.reader, ifMatch: '"1"' })).status).toBe(
      403,
    );
    const fixed = await kit.send('PATCH', path, { stance: 'contradicts' }, { ifMatch: '"1"' });
    expect([fixed.status, fixed.headers.get('ETag')]).toEqual([200, '"2"']);
    const stale = await kit.send('PATCH', path, { stance: 'asserts' }, { ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    expect(versionedMentionSchema.parse(((await stale.json()) as { mention: unknown }).mention).stance).toBe(
      'contradicts',
    );
    const spans = await kit.send('PATCH', path, { spans: [DENIED] }, { ifMatch: '"2"' });
    expect(versionedMentionSchema.parse(await spans.json()).spans.length).toBe(1);
    const bad: [Record<string, unknown>, string | undefined][] = [
      [{}, undefined],
      [{ spans: [{ start: 75, end: 100 }] }, 'spans.0'],
      [{ attribution: [{ kind: 'outlet', id: 'outlet-one' }] }, 'attribution'],
      [{ attribution: [{ kind: 'actor', id: 'ghost' }, chain[2]] }, 'attribution.0.id'],
      [{ stance: 'maybe' }, 'stance'],
    ];
    for (const [patch, field] of bad) {
      const response = await kit.send('PATCH', path, patch, { ifMatch: '"3"' });
      expect([response.status, (await kit.errorOf(response)).field]).toEqual([400, field]);
    }
    expect(await kit.auditCount()).toBe(before + 2);
    const undo = await kit.send('POST', `${path}/undo`, undefined, { ifMatch: '"3"' });
    expect([undo.status, undo.headers.get('ETag')]).toEqual([200, '"4"']);
    expect(versionedMentionSchema.parse(await undo.json()).spans.length).toBe(2);
    expect((await mentionEdits('m-b-deal')).map((e) => [e.action, e.undone])).toEqual([
      ['edit', false],
      ['edit', true],
      ['undo-edit', false],
    ]);
  });

  it('deletes a mention with If-Match and brings it back on undo', async () => {
    const path = '/api/mentions/m-b-deal';
    expect((await kit.send('DELETE', path)).status).toBe(428);
    expect((await kit.send('DELETE', path, undefined, { cookie: kit.reader, ifMatch: '"1"' })).status).toBe(403);
    const removed = await kit.send('DELETE', path, undefined, { ifMatch: '"1"' });
    expect([removed.status, removed.headers.get('ETag')]).toEqual([200, '"2"']);
    expect((await kit.bundle()).mentions.map((m) => m.id)).not.toContain('m-b-deal');
    expect((await kit.app.request(path)).status).toBe(404);
    expect((await kit.send('POST', `${path}/undo`, undefined, { ifMatch: '"1"' })).status).toBe(412);
    const undo = await kit.send('POST', `${path}/undo`, undefined, { ifMatch: '"2"' });
    expect([undo.status, undo.headers.get('ETag')]).toEqual([200, '"3"']);
    const back = (await kit.bundle()).mentions.find((m) => m.id === 'm-b-deal');
    expect(back?.spans.length).toBe(2);
  });

  it('refuses to delete a mention an event cites, naming the event', async () => {
    const response = await kit.send('DELETE', '/api/mentions/m-a-meet', undefined, { ifMatch: '"1"' });
    expect(response.status).toBe(409);
    expect((await kit.errorOf(response)).message).toMatch(/Officials meet/);
  });

  it('takes back a recorded mention on undo', async () => {
    const created = versionedMentionSchema.parse(await (await record()).json());
    const undo = await kit.send('POST', `/api/mentions/${created.id}/undo`, undefined, { ifMatch: '"1"' });
    expect(undo.status).toBe(200);
    expect((await kit.bundle()).mentions.map((m) => m.id)).not.toContain(created.id);
    expect(kit.published.at(-1)?.data).toEqual({
      story: STORY,
      kind: 'mention',
      id: created.id,
      claim: created.claim,
      article: created.article,
    });
  });
});

describe('sources for chains', () => {
  it('lists actors and outlets, and lets editors add a source', async () => {
    const actors = z.array(actorSchema).parse(await (await kit.app.request('/api/actors')).json());
    expect(actors.map((a) => a.id)).toContain('unused-actor');
    const path = `/api/stories/${STORY}/actors`;
    const body = { name: 'Egyptian sources', kind: 'unnamed-source' };
    expect((await kit.send('POST', path, body, { cookie: null })).status).toBe(401);
    expect((await kit.send('POST', path, body, { cookie: kit.reader })).status).toBe(403);
    expect((await kit.send('POST', path, { ...body, kind: 'ghost' })).status).toBe(400);
    const created = await kit.send('POST', path, body);
    expect(created.status).toBe(201);
    const actor = actorSchema.parse(await created.json());
    expect(kit.published.at(-1)?.data).toEqual({ story: STORY, kind: 'actor', id: actor.id });
    expect((await record({ attribution: [{ kind: 'actor', id: actor.id }, chain[2]] })).status).toBe(201);
  });
});
