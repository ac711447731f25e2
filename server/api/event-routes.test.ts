import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  apiErrorSchema,
  eventAuditEntrySchema,
  eventChangeEventSchema,
  eventRemovalSchema,
  staleEventBodySchema,
  versionedEventSchema,
  type NewEvent,
} from '@/domain/schemas';
import { createTestApi } from './api-test-kit';

type Api = Awaited<ReturnType<typeof createTestApi>>;

/** A valid new event of the fixture story: what each bad-input case spoils one field of. */
const meeting = (): NewEvent => ({
  title: 'Officials meet again',
  kind: 'meeting',
  format: 'in-person',
  status: 'planned',
  date: { precision: 'day', start: '2024-04-20', end: '2024-04-20', basis: 'A statement', derivedFrom: null },
  participants: ['officials'],
  mentions: ['m-a-meet', 'm-b-meet'],
});

async function errorOf(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  const body = apiErrorSchema.parse(await response.json());
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

function request(api: Api, method: string, path: string, body?: unknown, cookie?: string, ifMatch?: string) {
  return Promise.resolve(
    api.app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
        ...(ifMatch !== undefined ? { 'If-Match': ifMatch } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    }),
  );
}

/** Everything a refused change must leave as it was: the story's events and every event's history. */
async function storedState(api: Api) {
  const bundle = await api.store.getStoryBundle('fixture-story');
  const events = bundle?.events ?? [];
  const histories = await Promise.all(
    [...events.map((e) => e.id), 'officials-meet-again'].map((id) => api.store.listEventHistory(id)),
  );
  return { events, histories };
}

const historyOf = async (api: Api, id: string) =>
  z.array(eventAuditEntrySchema).parse(await (await api.app.request(`/api/events/${id}/history`)).json());

describe('the event routes', () => {
  let api: Api;
  let alice: string;
  let published: { name: string; data: unknown }[];
  beforeEach(async () => {
    api = await createTestApi();
    alice = await api.signIn('alice');
    published = [];
    api.changes.subscribe(
      (event) => published.push(event),
      () => {},
    );
  });

  const create = (body: unknown = meeting(), cookie = alice) =>
    request(api, 'POST', '/api/stories/fixture-story/events', body, cookie);

  describe('POST /api/stories/:story/events', () => {
    it('adds an event with an id made from its title, answering 201 with its ETag, one history entry and a live update', async () => {
      const response = await create();
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      const event = versionedEventSchema.parse(await response.json());
      expect(event).toMatchObject({ id: 'officials-meet-again', story: 'fixture-story', version: 1, ...meeting() });
      const bundle = await api.store.getStoryBundle('fixture-story');
      expect(bundle?.events.map((e) => e.id)).toEqual(['first-meeting', 'officials-meet-again']);
      expect(await historyOf(api, event.id)).toEqual([
        expect.objectContaining({ action: 'created', version: 1, editor: 'alice', from: null }),
      ]);
      expect(published).toEqual([
        { name: 'event', data: { story: 'fixture-story', event: event.id, version: 1, action: 'created' } },
      ]);
      expect(eventChangeEventSchema.safeParse(published[0]?.data).success).toBe(true);
      const again = versionedEventSchema.parse(await (await create()).json());
      expect(again.id).toBe('officials-meet-again-2');
    });

    it('accepts a date derived from a phrase of an article, a research-note-free range and a "held as" link', async () => {
      const response = await create({
        ...meeting(),
        title: 'The meeting "earlier this week"',
        status: 'postponed',
        date: {
          precision: 'range',
          start: '2024-04-08',
          end: '2024-04-11',
          basis: '"Earlier this week" in Article 2',
          derivedFrom: { article: 'art-b', phrase: 'Earlier this week' },
        },
        related: [{ event: 'first-meeting', note: 'Held as this meeting', relation: 'held-as' }],
      });
      expect(response.status).toBe(201);
      const event = versionedEventSchema.parse(await response.json());
      expect(event.related).toEqual([{ event: 'first-meeting', note: 'Held as this meeting', relation: 'held-as' }]);
      expect(event.date.derivedFrom).toEqual({ article: 'art-b', phrase: 'Earlier this week' });
    });

    it('refuses anonymous requests with 401 and readers with 403, storing nothing', async () => {
      const before = await storedState(api);
      await errorOf(await request(api, 'POST', '/api/stories/fixture-story/events', meeting()), 401);
      await errorOf(await create(meeting(), await api.signIn('rita')), 403);
      expect(await storedState(api)).toEqual(before);
      expect(published).toEqual([]);
    });

    it.each<[string, (body: NewEvent) => unknown, string | undefined]>([
      ['an empty title', (b) => ({ ...b, title: '  ' }), 'title'],
      ['an unknown kind', (b) => ({ ...b, kind: 'party' }), 'kind'],
      ['an unknown format', (b) => ({ ...b, format: 'hybrid' }), 'format'],
      ['an unknown status', (b) => ({ ...b, status: 'maybe' }), 'status'],
      ['an unknown field', (b) => ({ ...b, colour: 'red' }), 'colour'],
      ['an id (the server makes it)', (b) => ({ ...b, id: 'mine' }), 'id'],
      ['a missing date', ({ date: _date, ...b }) => b, 'date'],
      [
        'a date that is not a day',
        (b) => ({ ...b, date: { ...b.date, start: '2024-02-30', end: '2024-02-30' } }),
        'date.start',
      ],
      [
        'a range that ends before it starts',
        (b) => ({ ...b, date: { ...b.date, precision: 'range', start: '2024-04-20', end: '2024-04-10' } }),
        'date.end',
      ],
      ['a day with two dates', (b) => ({ ...b, date: { ...b.date, end: '2024-04-21' } }), 'date.end'],
      ['a range of one day', (b) => ({ ...b, date: { ...b.date, precision: 'range' } }), 'date.end'],
      ['an empty basis', (b) => ({ ...b, date: { ...b.date, basis: '' } }), 'date.basis'],
      ['an unknown participant', (b) => ({ ...b, participants: ['officials', 'nobody-known'] }), 'participants.1'],
      ['an unknown mention', (b) => ({ ...b, mentions: ['m-a-meet', 'm-nowhere'] }), 'mentions.1'],
      ['a mention listed twice', (b) => ({ ...b, mentions: ['m-a-meet', 'm-a-meet'] }), 'mentions'],
      [
        'an unknown linked event',
        (b) => ({ ...b, related: [{ event: 'no-such-event', note: 'held as' }] }),
        'related.0.event',
      ],
      ['a link without a note', (b) => ({ ...b, related: [{ event: 'first-meeting', note: '' }] }), 'related.0.note'],
      [
        'an unknown relation',
        (b) => ({ ...b, related: [{ event: 'first-meeting', note: 'x', relation: 'caused' }] }),
        'related.0.relation',
      ],
      ['an unknown research note', (b) => ({ ...b, date: { ...b.date, record: 'no-such-note' } }), 'date.record'],
      [
        'a derived date from an unknown article',
        (b) => ({ ...b, date: { ...b.date, derivedFrom: { article: 'art-z', phrase: 'on Monday' } } }),
        'date.derivedFrom.article',
      ],
      [
        'a derived date whose phrase is not in the article',
        (b) => ({ ...b, date: { ...b.date, derivedFrom: { article: 'art-a', phrase: 'last weekend' } } }),
        'date.derivedFrom.phrase',
      ],
      [
        'a derived date that the phrase does not give',
        (b) => ({ ...b, date: { ...b.date, derivedFrom: { article: 'art-a', phrase: 'on Monday' } } }),
        'date.start',
      ],
    ])('refuses %s with a 400 naming the field, storing nothing', async (_name, spoil, field) => {
      const before = await storedState(api);
      const error = await errorOf(await create(spoil(meeting())), 400, field);
      expect(error.code).toBe('invalid_body');
      expect(await storedState(api)).toEqual(before);
      expect(published).toEqual([]);
    });

    it('refuses bad JSON, another content type and an unknown story, storing nothing', async () => {
      const before = await storedState(api);
      await errorOf(await create('{"title":'), 400);
      const typed = await api.app.request('/api/stories/fixture-story/events', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Cookie: alice },
        body: JSON.stringify(meeting()),
      });
      await errorOf(typed, 415, 'Content-Type');
      await errorOf(await request(api, 'POST', '/api/stories/no-story/events', meeting(), alice), 404, 'story');
      expect(await storedState(api)).toEqual(before);
    });

    it('cites a mention added in the app', async () => {
      await api.store.addMention({
        id: 'm-new',
        claim: 'deal',
        article: 'art-a',
        stance: 'asserts',
        attribution: [{ kind: 'outlet', id: 'outlet-one' }],
        spans: [],
      });
      const response = await create({ ...meeting(), mentions: ['m-new'] });
      expect(response.status).toBe(201);
    });
  });

  describe('PATCH /api/events/:id', () => {
    const patch = (body: unknown, ifMatch?: string, cookie = alice, id = 'first-meeting') =>
      request(api, 'PATCH', `/api/events/${id}`, body, cookie, ifMatch);

    it('changes the fields sent, with a new ETag, one history entry and a live update', async () => {
      const got = await api.app.request('/api/events/first-meeting');
      expect(got.headers.get('etag')).toBe('"1"');
      const response = await patch({ title: 'Officials meet by video', status: 'postponed' }, '"1"');
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      const event = versionedEventSchema.parse(await response.json());
      expect(event).toMatchObject({
        title: 'Officials meet by video',
        status: 'postponed',
        kind: 'meeting',
        version: 2,
      });
      expect(event.date.derivedFrom).toEqual({ article: 'art-b', phrase: 'Earlier this week' });
      const history = await historyOf(api, 'first-meeting');
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ action: 'edited', version: 2, from: { title: 'Officials meet' } });
      expect(published.map((p) => p.data)).toEqual([
        { story: 'fixture-story', event: 'first-meeting', version: 2, action: 'edited' },
      ]);
      const bundle = await api.store.getStoryBundle('fixture-story');
      expect(bundle?.events[0]?.title).toBe('Officials meet by video');
    });

    it('links and unlinks another event', async () => {
      const other = versionedEventSchema.parse(await (await create()).json());
      const linked = await patch({ related: [{ event: other.id, note: 'Held as', relation: 'held-as' }] }, '1');
      expect(versionedEventSchema.parse(await linked.json()).related).toHaveLength(1);
      const unlinked = versionedEventSchema.parse(await (await patch({ related: [] }, '2')).json());
      expect(unlinked.related).toBeUndefined();
      expect(await historyOf(api, 'first-meeting')).toHaveLength(2);
    });

    it('answers 428 without If-Match, 401 anonymous, 403 for readers, 412 on a stale version with the current event', async () => {
      const before = await storedState(api);
      await errorOf(await patch({ title: 'X' }), 428, 'If-Match');
      await errorOf(await request(api, 'PATCH', '/api/events/first-meeting', { title: 'X' }, undefined, '1'), 401);
      await errorOf(await patch({ title: 'X' }, '1', await api.signIn('rita')), 403);
      expect(await storedState(api)).toEqual(before);

      await patch({ title: 'First change' }, '1');
      const stale = await patch({ title: 'Second change' }, '1', await api.signIn('bob'));
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe('"2"');
      const body = staleEventBodySchema.parse(await stale.json());
      expect(body.event).toMatchObject({ title: 'First change', version: 2 });
      expect(await historyOf(api, 'first-meeting')).toHaveLength(1);
    });

    it.each<[string, unknown, string]>([
      ['an empty patch', {}, ''],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['an id', { id: 'other' }, 'id'],
      [
        'a bad date range',
        { date: { precision: 'range', start: '2024-04-10', end: '2024-04-01', basis: 'x', derivedFrom: null } },
        'date.end',
      ],
      ['an unknown mention', { mentions: ['m-nowhere'] }, 'mentions.0'],
      ['an unknown participant', { participants: ['nobody'] }, 'participants.0'],
      ['a link to itself', { related: [{ event: 'first-meeting', note: 'same' }] }, 'related.0.event'],
      ['an unknown linked event', { related: [{ event: 'gone', note: 'held as' }] }, 'related.0.event'],
      [
        'a date that no longer matches its phrase',
        {
          date: {
            precision: 'day',
            start: '2024-04-09',
            end: '2024-04-09',
            basis: 'x',
            derivedFrom: { article: 'art-b', phrase: 'Earlier this week' },
          },
        },
        'date.precision',
      ],
    ])('refuses %s with a 400 naming the field, storing nothing', async (_name, body, field) => {
      const before = await storedState(api);
      const error = await errorOf(await patch(body, '1'), 400);
      if (field) expect(error.field).toBe(field);
      expect(await storedState(api)).toEqual(before);
      expect(published).toEqual([]);
    });

    it('answers 404 for an unknown event', async () => {
      await errorOf(await patch({ title: 'X' }, '1', alice, 'no-such-event'), 404, 'event');
    });
  });

  describe('DELETE /api/events/:id and POST /api/events/:id/restore', () => {
    const remove = (ifMatch?: string, cookie = alice, id = 'first-meeting') =>
      request(api, 'DELETE', `/api/events/${id}`, undefined, cookie, ifMatch);
    const restore = (ifMatch?: string, cookie = alice, id = 'first-meeting') =>
      request(api, 'POST', `/api/events/${id}/restore`, undefined, cookie, ifMatch);

    it('removes an event with the version of its removal, and restores it as it was (each one history entry)', async () => {
      const response = await remove('"1"');
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      const removal = eventRemovalSchema.parse(await response.json());
      expect(removal).toMatchObject({ removed: true, version: 2, event: { id: 'first-meeting' } });
      expect((await api.store.getStoryBundle('fixture-story'))?.events).toEqual([]);
      await errorOf(await Promise.resolve(api.app.request('/api/events/first-meeting')), 404);
      // The id stays taken: a new event of the same title gets another.
      const restored = await restore('"2"');
      expect(restored.status).toBe(200);
      expect(restored.headers.get('etag')).toBe('"3"');
      expect(versionedEventSchema.parse(await restored.json())).toMatchObject({ id: 'first-meeting', version: 3 });
      const bundle = await api.store.getStoryBundle('fixture-story');
      expect(bundle?.events.map((e) => e.id)).toEqual(['first-meeting']);
      expect((await historyOf(api, 'first-meeting')).map((e) => [e.action, e.version])).toEqual([
        ['removed', 2],
        ['restored', 3],
      ]);
      expect(published.map((p) => (p.data as { action: string }).action)).toEqual(['removed', 'restored']);
    });

    it('answers 428, 401, 403 and 412 (with the current event) and stores nothing', async () => {
      const before = await storedState(api);
      await errorOf(await remove(), 428, 'If-Match');
      await errorOf(await remove('1', ''), 401);
      await errorOf(await remove('1', await api.signIn('rita')), 403);
      const stale = await remove('7');
      expect(stale.status).toBe(412);
      expect(staleEventBodySchema.parse(await stale.json()).event).toMatchObject({ id: 'first-meeting', version: 1 });
      await errorOf(await restore('1'), 412);
      await errorOf(await restore(), 428, 'If-Match');
      expect(await storedState(api)).toEqual(before);
      expect(published).toEqual([]);

      await remove('1');
      const staleRestore = await restore('1');
      expect(staleRestore.status).toBe(412);
      expect(staleEventBodySchema.parse(await staleRestore.json())).toMatchObject({ event: null, version: 2 });
      await errorOf(await remove('1'), 412);
      await errorOf(await restore('2', await api.signIn('rita')), 403);
      expect(await historyOf(api, 'first-meeting')).toHaveLength(1);
    });

    it('refuses to remove an event another one links to, naming the link', async () => {
      await create({ ...meeting(), related: [{ event: 'first-meeting', note: 'Held as', relation: 'held-as' }] });
      const before = await storedState(api);
      const error = await errorOf(await remove('1'), 409, 'related');
      expect(error.message).toContain('officials-meet-again');
      expect(await storedState(api)).toEqual(before);
    });

    it('keeps the history append-only', async () => {
      await errorOf(await request(api, 'DELETE', '/api/events/first-meeting/history', undefined, alice), 405);
    });
  });
});
