import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  apiErrorSchema,
  storyAuditEntrySchema,
  storyBundleSchema,
  storyRecordSchema,
  storySummarySchema,
} from '@/domain/schemas';
import { createTestApi } from './api-test-kit';

type Api = Awaited<ReturnType<typeof createTestApi>>;

async function errorOf(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  const body = apiErrorSchema.parse(await response.json());
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

function send(
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  { cookie, ifMatch }: { cookie?: string | undefined; ifMatch?: string } = {},
) {
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

const historyOf = async (api: Api, story = 'fixture-story') =>
  z.array(storyAuditEntrySchema).parse(await (await api.app.request(`/api/stories/${story}/history`)).json());
const storiesOf = async (api: Api) =>
  z.array(storySummarySchema).parse(await (await api.app.request('/api/stories')).json());
const bundleOf = async (api: Api, story = 'fixture-story') =>
  storyBundleSchema.parse(await (await api.app.request(`/api/stories/${story}`)).json());

describe('stories as the desk edits them', () => {
  let api: Api;
  let alice: string;
  let rita: string;
  let ada: string;
  beforeEach(async () => {
    api = await createTestApi();
    [alice, rita, ada] = await Promise.all([api.signIn('alice'), api.signIn('rita'), api.signIn('ada')]);
  });

  it('creates a story with a unique slug of its title, its ETag, one history entry and a live update', async () => {
    const seen: string[] = [];
    api.changes.subscribe(
      (event) => seen.push(event.name),
      () => {},
    );
    const first = await send(
      api,
      'POST',
      '/api/stories',
      { title: 'Gaza aid: the pier', summary: 'Who built it.' },
      { cookie: alice },
    );
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    const story = storyRecordSchema.parse(await first.json());
    expect(story).toEqual({
      id: 'gaza-aid-the-pier',
      title: 'Gaza aid: the pier',
      summary: 'Who built it.',
      version: 1,
      archived: false,
      pinned: false,
      changedAt: '2024-05-06T12:00:00.000Z',
    });
    const second = storyRecordSchema.parse(
      await (
        await send(api, 'POST', '/api/stories', { title: 'Gaza aid: the pier', summary: '' }, { cookie: alice })
      ).json(),
    );
    expect(second.id).toBe('gaza-aid-the-pier-2');
    expect(await historyOf(api, 'gaza-aid-the-pier')).toEqual([
      expect.objectContaining({ action: 'created', editor: 'alice', object: 'story', version: 1 }),
    ]);
    expect(seen).toEqual(['story', 'story']);
    const bundle = await bundleOf(api, 'gaza-aid-the-pier');
    expect(bundle.articles).toEqual([]);
    expect((await storiesOf(api)).map((s) => s.id)).toEqual([
      'fixture-story',
      'gaza-aid-the-pier',
      'gaza-aid-the-pier-2',
    ]);
  });

  it('refuses anonymous (401) and readers (403), and bad bodies naming the field, storing nothing', async () => {
    await errorOf(await send(api, 'POST', '/api/stories', { title: 'X', summary: '' }), 401);
    await errorOf(await send(api, 'POST', '/api/stories', { title: 'X', summary: '' }, { cookie: rita }), 403);
    await errorOf(await send(api, 'POST', '/api/stories', { summary: '' }, { cookie: alice }), 400, 'title');
    await errorOf(await send(api, 'POST', '/api/stories', { title: '', summary: '' }, { cookie: alice }), 400, 'title');
    await errorOf(
      await send(api, 'POST', '/api/stories', { title: 'x'.repeat(201), summary: '' }, { cookie: alice }),
      400,
      'title',
    );
    await errorOf(
      await send(api, 'POST', '/api/stories', { title: 'X', summary: 3 }, { cookie: alice }),
      400,
      'summary',
    );
    await errorOf(
      await send(api, 'POST', '/api/stories', { title: 'X', summary: '', id: 'x' }, { cookie: alice }),
      400,
      'id',
    );
    await errorOf(await send(api, 'POST', '/api/stories', '{"title":', { cookie: alice }), 400);
    expect((await storiesOf(api)).map((s) => s.id)).toEqual(['fixture-story']);
  });

  it('edits, archives and restores a story with If-Match, one history entry per change', async () => {
    const edit = await send(
      api,
      'PATCH',
      '/api/stories/fixture-story',
      { title: 'Renamed' },
      { cookie: alice, ifMatch: '"1"' },
    );
    expect(edit.status).toBe(200);
    expect(edit.headers.get('etag')).toBe('"2"');
    expect(storyRecordSchema.parse(await edit.json())).toMatchObject({ title: 'Renamed', version: 2 });
    const archive = await send(
      api,
      'PATCH',
      '/api/stories/fixture-story',
      { archived: true },
      { cookie: alice, ifMatch: '2' },
    );
    expect(storyRecordSchema.parse(await archive.json())).toMatchObject({ archived: true, version: 3 });
    expect((await storiesOf(api))[0]).toMatchObject({ archived: true, title: 'Renamed' });
    const restore = await send(
      api,
      'PATCH',
      '/api/stories/fixture-story',
      { archived: false },
      { cookie: alice, ifMatch: '3' },
    );
    expect(storyRecordSchema.parse(await restore.json())).toMatchObject({ archived: false, version: 4 });
    expect((await historyOf(api)).map((e) => [e.action, e.version])).toEqual([
      ['edited', 2],
      ['archived', 3],
      ['restored', 4],
    ]);
    expect((await bundleOf(api)).story.title).toBe('Renamed');
  });

  it('answers 428 without If-Match and 412 with the current story on a stale one, changing nothing', async () => {
    await errorOf(
      await send(api, 'PATCH', '/api/stories/fixture-story', { title: 'A' }, { cookie: alice }),
      428,
      'If-Match',
    );
    await send(api, 'PATCH', '/api/stories/fixture-story', { title: 'A' }, { cookie: alice, ifMatch: '1' });
    const stale = await send(
      api,
      'PATCH',
      '/api/stories/fixture-story',
      { title: 'B' },
      { cookie: alice, ifMatch: '1' },
    );
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    const body = (await stale.json()) as { error: { code: string }; story: unknown };
    expect(body.error.code).toBe('stale_version');
    expect(storyRecordSchema.parse(body.story)).toMatchObject({ title: 'A', version: 2 });
    expect(await historyOf(api)).toHaveLength(1);
  });

  it('refuses anonymous, readers, unknown fields, bad values, and pinning by a non-admin', async () => {
    const patch = (body: unknown, cookie?: string) =>
      send(api, 'PATCH', '/api/stories/fixture-story', body, { cookie, ifMatch: '1' });
    await errorOf(await patch({ title: 'A' }), 401);
    await errorOf(await patch({ title: 'A' }, rita), 403);
    await errorOf(await patch({}, alice), 400);
    await errorOf(await patch({ titel: 'A' }, alice), 400, 'titel');
    await errorOf(await patch({ archived: 'yes' }, alice), 400, 'archived');
    await errorOf(await patch({ title: '' }, alice), 400, 'title');
    await errorOf(await patch({ pinned: true }, alice), 403, 'pinned');
    await errorOf(await send(api, 'PATCH', '/api/stories/nope', { title: 'A' }, { cookie: alice, ifMatch: '1' }), 404);
    expect(await historyOf(api)).toHaveLength(0);
    expect((await storiesOf(api))[0]).toMatchObject({ title: 'Fixture story', version: 1 });
  });

  it('lets an admin pin one story, unpinning the one before', async () => {
    const other = storyRecordSchema.parse(
      await (await send(api, 'POST', '/api/stories', { title: 'Other', summary: '' }, { cookie: alice })).json(),
    );
    await send(api, 'PATCH', '/api/stories/fixture-story', { pinned: true }, { cookie: ada, ifMatch: '1' });
    expect((await storiesOf(api)).map((s) => s.pinned)).toEqual([true, false]);
    await send(api, 'PATCH', `/api/stories/${other.id}`, { pinned: true }, { cookie: ada, ifMatch: '1' });
    expect((await storiesOf(api)).map((s) => s.pinned)).toEqual([false, true]);
    expect((await historyOf(api)).map((e) => e.action)).toEqual(['pinned']);
  });
});

describe('articles as the desk edits them', () => {
  let api: Api;
  let alice: string;
  let rita: string;
  beforeEach(async () => {
    api = await createTestApi();
    [alice, rita] = await Promise.all([api.signIn('alice'), api.signIn('rita')]);
  });

  const articleOf = async (id: string) => {
    const response = await api.app.request(`/api/articles/${id}/record`);
    const record = (await response.json()) as { version: number };
    expect(response.headers.get('etag')).toBe(`"${record.version}"`);
    return record;
  };

  it('corrects an article’s metadata with If-Match, one history entry, and the chains follow a new outlet', async () => {
    expect((await articleOf('art-b'))?.version).toBe(1);
    const response = await send(
      api,
      'PATCH',
      '/api/articles/art-b',
      {
        title: 'The real headline',
        outlet: 'outlet-unused',
        published: { date: '2024-04-13', basis: 'dateline' },
        url: 'https://two.example/story',
      },
      { cookie: alice, ifMatch: '"1"' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const article = await articleOf('art-b');
    expect(article).toMatchObject({
      title: 'The real headline',
      outlet: 'outlet-unused',
      published: { date: '2024-04-13', basis: 'dateline' },
      source: { url: 'https://two.example/story' },
      version: 2,
    });
    const chains = (await bundleOf(api)).mentions.filter((m) => m.article === 'art-b').map((m) => m.attribution.at(-1));
    expect(chains).toEqual([
      { kind: 'outlet', id: 'outlet-unused' },
      { kind: 'outlet', id: 'outlet-unused' },
    ]);
    expect(await historyOf(api)).toEqual([
      expect.objectContaining({ object: 'article', objectId: 'art-b', action: 'edited', version: 2 }),
    ]);
  });

  it('refuses 401, 403, 428, 412 and bad input naming the field, storing nothing', async () => {
    const patch = (body: unknown, cookie?: string, ifMatch = '1') =>
      send(api, 'PATCH', '/api/articles/art-a', body, { cookie, ifMatch });
    await errorOf(await patch({ title: 'A' }), 401);
    await errorOf(await patch({ title: 'A' }, rita), 403);
    await errorOf(await send(api, 'PATCH', '/api/articles/art-a', { title: 'A' }, { cookie: alice }), 428, 'If-Match');
    await errorOf(await patch({ title: '' }, alice), 400, 'title');
    await errorOf(await patch({ outlet: 'nowhere' }, alice), 400, 'outlet');
    await errorOf(await patch({ outlet: 'Not An Id' }, alice), 400, 'outlet');
    await errorOf(await patch({ published: { date: '2024-13-01', basis: 'x' } }, alice), 400, 'published.date');
    await errorOf(await patch({ published: { date: '2024-04-01', basis: '' } }, alice), 400, 'published.basis');
    await errorOf(await patch({ url: 'javascript:alert(1)' }, alice), 400, 'url');
    await errorOf(await patch({ body: 'x' }, alice), 400, 'body');
    await errorOf(await patch({}, alice), 400);
    const stale = await patch({ title: 'A' }, alice, '7');
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { article: { version: number } }).article.version).toBe(1);
    await errorOf(await send(api, 'PATCH', '/api/articles/nope', { title: 'A' }, { cookie: alice, ifMatch: '1' }), 404);
    expect(await articleOf('art-a')).toMatchObject({ title: 'Article 1', version: 1 });
    expect(await historyOf(api)).toEqual([]);
  });

  it('removes an article with its mentions, and restores both, each change on record', async () => {
    const before = await bundleOf(api);
    expect(before.mentions.filter((m) => m.article === 'art-b')).toHaveLength(2);
    await errorOf(await send(api, 'DELETE', '/api/articles/art-b'), 401);
    await errorOf(await send(api, 'DELETE', '/api/articles/art-b', undefined, { cookie: rita, ifMatch: '1' }), 403);
    await errorOf(await send(api, 'DELETE', '/api/articles/art-b', undefined, { cookie: alice }), 428);
    expect((await send(api, 'DELETE', '/api/articles/art-b', undefined, { cookie: alice, ifMatch: '2' })).status).toBe(
      412,
    );
    const removed = await send(api, 'DELETE', '/api/articles/art-b', undefined, { cookie: alice, ifMatch: '1' });
    expect(removed.status).toBe(200);
    expect(removed.headers.get('etag')).toBe('"2"');
    const after = await bundleOf(api);
    expect(after.articles.map((a) => a.id)).toEqual(['art-a']);
    expect(after.mentions.map((m) => m.article)).toEqual(['art-a']);
    expect(after.passages).toEqual([]);
    expect(after.events.flatMap((e) => e.mentions)).not.toContain('m-b-meet');
    expect((await storiesOf(api))[0]?.counts).toMatchObject({ articles: 1, mentions: 1 });
    expect((await api.app.request('/api/articles/art-b')).status).toBe(404);
    await errorOf(await send(api, 'DELETE', '/api/articles/art-b', undefined, { cookie: alice, ifMatch: '2' }), 409);

    const restored = await send(api, 'POST', '/api/articles/art-b/restore', undefined, { cookie: alice, ifMatch: '2' });
    expect(restored.status).toBe(200);
    const back = await bundleOf(api);
    expect(back.mentions).toEqual(before.mentions);
    expect(back.passages).toEqual(before.passages);
    expect(back.events).toEqual(before.events);
    expect((await historyOf(api)).map((e) => [e.action, e.version])).toEqual([
      ['removed', 2],
      ['restored', 3],
    ]);
  });
});

describe('stories exported and imported through the API', () => {
  let api: Api;
  let alice: string;
  let ada: string;
  beforeEach(async () => {
    api = await createTestApi();
    [alice, ada] = await Promise.all([api.signIn('alice'), api.signIn('ada')]);
  });

  it('exports a story as one document and lets an admin import it under a new id', async () => {
    const exported = await api.app.request('/api/stories/fixture-story/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="fixture-story.json"');
    const document = (await exported.json()) as { files: Record<string, unknown>; outlets: { id: string }[] };
    expect(Object.keys(document.files).sort()).toEqual([
      'articles.json',
      'articles/art-a.txt',
      'articles/art-b.txt',
      'claims.json',
      'events.json',
      'mentions.json',
      'story.json',
    ]);
    expect(document.outlets.map((o) => o.id)).toEqual(['outlet-one', 'outlet-two']);
    await errorOf(await send(api, 'POST', '/api/stories/import', document), 401);
    await errorOf(await send(api, 'POST', '/api/stories/import', document, { cookie: alice }), 403);
    // Under its own id the story exists already.
    await errorOf(await send(api, 'POST', '/api/stories/import', document, { cookie: ada }), 409, 'id');
    await errorOf(await send(api, 'POST', '/api/stories/import?id=Bad%20Id', document, { cookie: ada }), 400, 'id');
    expect((await storiesOf(api)).map((s) => s.id)).toEqual(['fixture-story']);
  });

  it('imports into another database with 201, one history entry and a live update', async () => {
    const document: unknown = await (await api.app.request('/api/stories/fixture-story/export')).json();
    const empty = await createTestApi({ corpus: { outlets: [], actors: [], stories: [] } });
    const seen: string[] = [];
    empty.changes.subscribe(
      (event) => seen.push(event.name),
      () => {},
    );
    const admin = await empty.signIn('ada');
    const response = await send(empty, 'POST', '/api/stories/import?id=copy', document, { cookie: admin });
    expect(response.status).toBe(201);
    expect(storyRecordSchema.parse(await response.json())).toMatchObject({ id: 'copy', title: 'Fixture story' });
    const [summary] = await storiesOf(empty);
    expect(summary).toMatchObject({ id: 'copy', counts: { articles: 2, claims: 2, mentions: 3, events: 1 } });
    expect((await historyOf(empty, 'copy')).map((e) => e.action)).toEqual(['imported']);
    expect(seen).toEqual(['story']);
    const copy = await bundleOf(empty, 'copy');
    const original = await bundleOf(api);
    expect(copy.mentions).toEqual(original.mentions);
  });

  it('refuses a bad document naming the field, storing nothing', async () => {
    const document = (await (await api.app.request('/api/stories/fixture-story/export')).json()) as {
      files: Record<string, unknown>;
    };
    const post = (body: unknown) => send(api, 'POST', '/api/stories/import?id=copy', body, { cookie: ada });
    await errorOf(await post({ ...document, format: 'other' }), 400, 'format');
    await errorOf(await post('{'), 400);
    const mentions = structuredClone(document.files['mentions.json']) as { stance: string }[];
    mentions[0]!.stance = 'shouts';
    await errorOf(
      await post({ ...document, files: { ...document.files, 'mentions.json': mentions } }),
      400,
      'files.mentions.json[0].stance',
    );
    await errorOf(
      await post({ ...document, files: { ...document.files, 'articles/art-a.txt': undefined } }),
      400,
      'files.articles.json[0].source.file',
    );
    // The fixture's article, claim and mention ids are taken in this database.
    await errorOf(await post(document), 409, 'files.articles.json');
    expect((await storiesOf(api)).map((s) => s.id)).toEqual(['fixture-story']);
    expect(await historyOf(api)).toEqual([]);
  });

  it('lists the corpus story folders that did not load', async () => {
    const problem = { story: 'broken', file: 'stories/broken/claims.json', field: '[0].id', message: 'm' };
    const withProblem = await createTestApi({ corpusProblems: [problem] });
    expect(await (await withProblem.app.request('/api/corpus/problems')).json()).toEqual([problem]);
    expect(await (await api.app.request('/api/corpus/problems')).json()).toEqual([]);
  });
});
