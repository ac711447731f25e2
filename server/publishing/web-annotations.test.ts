import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/load-corpus';
import { createTestApi } from '../api/api-test-kit';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { expandSafely } from './json-ld-test-kit';

type Api = Awaited<ReturnType<typeof createTestApi>>;
type Annotation = {
  id: string;
  type: string;
  body: { id?: string; purpose: string; value: string }[];
  target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
  creator: { type: string; name: string };
};
type Collection = { type: string; total: number; first: { type: string; items: Annotation[] } };

const NOTE = 'Editor’s note: this copy adds a line at the top, so every position moves.\n\n';

/** The bundled story as a second desk would have it: the same articles, a line added to each, no evidence yet. */
function copyWithoutEvidence(corpus: Corpus): Corpus {
  const shift = NOTE.length;
  return {
    ...corpus,
    stories: corpus.stories.map((story) => ({
      ...story,
      articles: story.articles.map((article) => ({
        ...article,
        body: NOTE + article.body,
        paragraphs: article.paragraphs.map(([start, end]) => [start + shift, end + shift] as [number, number]),
        sentences: article.sentences.map(([start, end]) => [start + shift, end + shift] as [number, number]),
        ...(article.furniture
          ? { furniture: article.furniture.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift })) }
          : {}),
      })),
      mentions: [],
      events: [],
      passages: [],
    })),
  };
}

const corpus = bundledCorpus();
const storyId = corpus.stories[0]!.story.id;

async function exportOf(api: Api): Promise<Collection> {
  const response = await api.app.request(`http://parallax.test/api/stories/${storyId}/annotations`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
  return (await response.json()) as Collection;
}

const importInto = async (api: Api, cookie: string, body: unknown) =>
  api.app.request(`/api/stories/${storyId}/annotations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });

type Placed = { annotation: string; mention: string; claim: string; article: string; start: number; end: number };
type Unplaced = { annotation: string | null; reason: string };

describe('evidence as W3C Web Annotations', { timeout: 30_000 }, () => {
  it('exports every evidence span, with both selectors, the claim and the stance', async () => {
    const api = await createTestApi({ corpus });
    const collection = await exportOf(api);
    const spans = corpus.stories[0]!.mentions.flatMap((m) => m.spans.map((span) => ({ m, span })));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: spans.length });
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(spans.length);
    for (const [i, { m, span }] of spans.entries()) {
      const annotation = collection.first.items[i]!;
      expect(annotation.type).toBe('Annotation');
      expect(annotation.id).toMatch(/^http:\/\/parallax\.test\/api\/stories\/.+\/annotations#/);
      expect(annotation.creator).toMatchObject({ type: 'Organization', name: 'Parallax' });
      expect(annotation.body).toEqual([
        expect.objectContaining({ id: `http://parallax.test/claims/${m.claim}`, purpose: 'identifying' }),
        expect.objectContaining({ purpose: 'classifying', value: m.stance }),
      ]);
      expect(annotation.target.selector).toEqual([
        { type: 'TextQuoteSelector', exact: span.exact, prefix: span.prefix, suffix: span.suffix },
        { type: 'TextPositionSelector', start: span.start, end: span.end },
      ]);
    }
  });

  it('expands as JSON-LD with the W3C annotation context, every term known', async () => {
    const api = await createTestApi({ corpus });
    const collection = await exportOf(api);
    const [node] = await expandSafely(collection);
    expect(node?.['@type']).toEqual(['http://www.w3.org/ns/activitystreams#OrderedCollection']);
    const text = JSON.stringify(node);
    for (const term of ['TextQuoteSelector', 'TextPositionSelector', 'hasTarget', 'hasBody', 'hasSelector', 'exact']) {
      expect(text).toContain(`http://www.w3.org/ns/oa#${term}`);
    }
    await expect(expandSafely({ ...collection, lable: 'x' })).rejects.toThrow();
  });

  it('round trip: an export imported onto a copy of the story re-anchors every span, on record', async () => {
    const original = await createTestApi({ corpus });
    const collection = await exportOf(original);
    const copy = await createTestApi({ corpus: copyWithoutEvidence(corpus) });
    const alice = await copy.signIn('alice');

    const response = await importInto(copy, alice, collection);
    expect(response.status).toBe(200);
    const { placed, unplaced } = (await response.json()) as { placed: Placed[]; unplaced: Unplaced[] };
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(collection.total);

    const expected = corpus.stories[0]!.mentions.flatMap((m) =>
      m.spans.map((span) => `${m.claim} ${m.article} ${m.stance} ${span.start + NOTE.length} ${span.exact}`),
    );
    const bundle = await copy.store.getStoryBundle(storyId);
    const actual = bundle!.mentions.flatMap((m) =>
      m.spans.map((span) => `${m.claim} ${m.article} ${m.stance} ${span.start} ${span.exact}`),
    );
    expect(actual.sort()).toEqual(expected.sort());
    const imported = await copy.store.listImportedAnnotations(storyId);
    expect(imported).toHaveLength(collection.total);
    expect(imported[0]).toMatchObject({ importedBy: 'alice', story: storyId });

    // The same collection again is refused as a whole, and changes nothing.
    expect((await importInto(copy, alice, collection)).status).toBe(409);
    expect((await copy.store.getStoryBundle(storyId))!.mentions).toHaveLength(collection.total);
  });

  it('reports what it cannot place, keeps the rest, and credits the annotation tool’s creator', async () => {
    const original = await createTestApi({ corpus });
    const [good, moved, stray, unknown] = (await exportOf(original)).first.items;
    const copy = await createTestApi({ corpus: copyWithoutEvidence(corpus) });
    const alice = await copy.signIn('alice');
    const tool = {
      ...good!,
      id: 'urn:tool:1',
      creator: { type: 'Person', name: 'Hypothesis user' },
      created: '2024-05-02T08:00:00Z',
    };
    const lost = {
      ...moved!,
      id: 'urn:tool:2',
      target: {
        ...moved!.target,
        selector: [{ type: 'TextQuoteSelector', exact: 'words no article has ever printed' }],
      },
    };
    const elsewhere = { ...stray!, id: 'urn:tool:3', target: { ...stray!.target, source: 'https://other.example/x' } };
    const noClaim = { ...unknown!, id: 'urn:tool:4', body: [{ type: 'TextualBody', value: 'asserts' }] };
    const response = await importInto(copy, alice, { items: [tool, lost, elsewhere, noClaim, { id: 5 }] });
    expect(response.status).toBe(200);
    const { placed, unplaced } = (await response.json()) as { placed: Placed[]; unplaced: Unplaced[] };
    expect(placed.map((p) => p.annotation)).toEqual(['urn:tool:1']);
    expect(unplaced.map((u) => [u.annotation, u.reason])).toEqual([
      ['urn:tool:2', expect.stringMatching(/the quote is not in/)],
      ['urn:tool:3', expect.stringMatching(/none of this story's articles/)],
      ['urn:tool:4', expect.stringMatching(/names no claim/)],
      [null, expect.stringMatching(/^id:/)],
    ]);

    const exported = (await exportOf(copy)).first.items;
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      id: 'urn:tool:1',
      creator: { type: 'Person', name: 'Hypothesis user' },
      created: '2024-05-02T08:00:00Z',
    });
  });

  it('takes imports from editors only', async () => {
    const api = await createTestApi({ corpus: copyWithoutEvidence(corpus) });
    const rita = await api.signIn('rita');
    expect((await importInto(api, rita, { items: [] })).status).toBe(403);
    const alice = await api.signIn('alice');
    expect((await importInto(api, alice, { nothing: [] })).status).toBe(400);
  });
});
