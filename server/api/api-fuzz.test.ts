import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as schemas from '@/domain/schemas';
import type { Store } from '../store/store';
import { createTestApi } from './api-test-kit';

/**
 * Every route of the API, taken from the app itself (so a route added later is fuzzed too),
 * called with arbitrary parameters, headers and bodies, signed in or not. Two properties:
 * no answer is a 5xx, and a refused request (4xx) leaves every stored object as it was.
 */

/** Everything stored that a request may change, read through the store's own interface. */
async function snapshot(store: Store) {
  const stories = await store.listStories();
  const bundles = await Promise.all(stories.map((story) => store.getStoryBundle(story.id)));
  const articles = (await Promise.all(stories.map((story) => store.listStoryArticles(story.id)))).flat();
  const claims = bundles.flatMap((bundle) => bundle?.claims ?? []);
  return {
    stories,
    bundles,
    articles,
    outlets: await store.listOutlets(),
    actors: await store.listActors(),
    accounts: await store.listAccounts(),
    histories: await Promise.all(claims.map((claim) => store.listVerdictHistory(claim.id))),
    rejected: await Promise.all(articles.map((article) => store.listRejectedSuggestions(article.id))),
    eventHistories: await Promise.all(
      bundles.flatMap((bundle) => bundle?.events ?? []).map((event) => store.listEventHistory(event.id)),
    ),
    publications: await Promise.all(claims.map((claim) => store.listPublicationHistory(claim.id))),
    imported: await Promise.all(stories.map((story) => store.listImportedAnnotations(story.id))),
  };
}

/** Ids that exist, by the name routes give their parameters; any other name gets arbitrary ids. */
const KNOWN: Record<string, string[]> = {
  story: ['fixture-story'],
  claim: ['deal', 'meet-again'],
  article: ['art-a', 'art-b'],
  username: ['alice', 'bob', 'rita'],
  mention: ['m-a-meet', 'm-b-deal'],
  topic: ['Deal', 'Meetings'],
  event: ['first-meeting'],
  version: ['1', '2'],
};
const idLike = fc.oneof(
  fc.constantFrom(...Object.values(KNOWN).flat()),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('..', '%2e%2e', '%00', 'a'.repeat(300), '<script>', 'ü', '%E2%80%AE'),
);
const paramValue = (name: string) =>
  KNOWN[name] ? fc.oneof({ arbitrary: fc.constantFrom(...KNOWN[name]), weight: 3 }, idLike) : idLike;

/** Values that get past validation for each field the API's bodies use, so the fuzz reaches the handlers. */
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  status: fc.constantFrom('unreviewed', 'disputed', 'verified', 'false', 'misleading'),
  note: fc.string({ maxLength: 40 }),
  evidence: fc.constantFrom(
    [],
    [{ kind: 'mention', mention: 'm-a-meet' }],
    [{ kind: 'url', url: 'https://x.example/' }],
  ),
  claim: fc.constantFrom(...KNOWN.claim!),
  article: fc.constantFrom(...KNOWN.article!),
  stance: fc.constantFrom('asserts', 'denies', 'hedges', 'hints'),
  range: fc.constantFrom([0, 24], [0, 5], [26, 60], [5, 0]),
  text: fc.string({ minLength: 1, maxLength: 60 }),
  topic: fc.constantFrom('Deal', 'Talks'),
  content: fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom('Officials met again. They said so.')),
  contentBase64: fc.constantFrom(Buffer.from('Officials met once more. They said so.').toString('base64'), '%%%'),
  fileName: fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.bin'),
  outlet: fc.constantFrom('Outlet One', 'The One', 'New Outlet'),
  published: fc.constantFrom('2024-05-01', '2024-02-30'),
  url: fc.constantFrom('https://x.example/a', null, 'javascript:alert(1)'),
  title: fc.string({ maxLength: 30 }),
  username: fc.constantFrom(...KNOWN.username!, 'newname'),
  password: fc.constantFrom('correct horse battery', 'wrong password!'),
  sentenceStart: fc.constantFrom(0, 26, 3),
  role: fc.constantFrom('reader', 'editor', 'admin'),
  into: fc.constantFrom(...KNOWN.claim!, 'no-claim'),
  name: fc.constantFrom('Talks', 'Deal', ''),
  spans: fc.constantFrom([{ start: 0, end: 8 }], [{ start: 1, end: 8 }], [{ start: 0, end: 8, exact: 'Officials' }]),
  attribution: fc.constantFrom([{ kind: 'outlet', id: 'outlet-one' }], [{ kind: 'actor', id: 'ghost' }]),
  kind: fc.constantFrom('meeting', 'attack', 'party', 'person', 'ghost'),
  format: fc.constantFrom('virtual', 'in-person', 'hybrid'),
  date: fc.constantFrom(
    { precision: 'day', start: '2024-04-20', end: '2024-04-20', basis: 'fuzz', derivedFrom: null },
    { precision: 'range', start: '2024-04-20', end: '2024-04-10', basis: 'fuzz', derivedFrom: null },
    {
      precision: 'range',
      start: '2024-04-08',
      end: '2024-04-11',
      basis: 'x',
      derivedFrom: { article: 'art-b', phrase: 'Earlier this week' },
    },
  ),
  participants: fc.constantFrom([], ['officials'], ['nobody']),
  mentions: fc.constantFrom([], ['m-a-meet'], ['m-a-meet', 'm-a-meet'], ['m-missing']),
  related: fc.constantFrom(
    [],
    [{ event: 'first-meeting', note: 'held as', relation: 'held-as' }],
    [{ event: 'gone', note: 'x' }],
  ),
  summary: fc.string({ maxLength: 40 }),
  archived: fc.boolean(),
  pinned: fc.boolean(),
  state: fc.constantFrom('published', 'withdrawn', 'hidden'),
};
const FIELDS = Object.keys(PLAUSIBLE);

/** One of the values, each as often as its weight. */
const weighted = <T>(choices: [T, number][]) =>
  fc.constantFrom(...choices.flatMap(([choice, weight]) => Array.from({ length: weight }, () => choice)));

const leaf = fc.oneof(
  idLike,
  fc.integer({ min: -5, max: 100_000 }),
  fc.constantFrom(null, true, '2024-05-01', 'https://x.example/a'),
  fc.tuple(fc.nat(200), fc.nat(200)),
);
const value = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...FIELDS), leaf, { maxKeys: 3 }),
);
/**
 * The field sets of every request body schema the API shares with its clients (so a body
 * schema added later is used too): a body made of one set, each field with a
 * plausible value most of the time, gets past validation often enough to reach the handler.
 */
type ObjectDef = { type?: string; shape?: Record<string, unknown>; catchall?: { _zod?: { def?: { type?: string } } } };
const FIELD_SETS = Object.values(schemas)
  .map((schema) => (schema as { _zod?: { def?: ObjectDef } })._zod?.def)
  // Strict objects (unknown keys refused) are what the API takes as bodies.
  .filter((def) => def?.type === 'object' && def.shape && def.catchall?._zod?.def?.type === 'never')
  .map((def) => Object.keys(def!.shape!));
// Half the bodies have every field of their set: with many sets, a body with only some of
// its fields would seldom pass validation, and the fuzz would hardly reach the handlers.
const plausibleBody = fc
  .tuple(fc.constantFrom(...FIELD_SETS), fc.boolean())
  .chain(([fields, complete]) =>
    fc.record(
      Object.fromEntries(
        fields.map((field) => [
          field,
          PLAUSIBLE[field] ? fc.oneof({ arbitrary: PLAUSIBLE[field], weight: 6 }, value) : value,
        ]),
      ) as Record<string, fc.Arbitrary<unknown>>,
      { requiredKeys: complete ? fields : [] },
    ),
  );
// Plausible bodies most of the time: with every route and body schema added, a smaller share
// would leave too few requests past validation to exercise the handlers.
const body = fc.oneof(
  { arbitrary: plausibleBody, weight: 8 },
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.json({ maxDepth: 2 }),
  fc.constantFrom('', '{', 'null', '[]', '{"status":'),
);

/** Each request takes a few milliseconds in-process: a few thousand keep the test to seconds. */
const RUNS = 2_500;
/** Fixed, so every run sends the same requests; FUZZ_SEED=n explores others. */
const SEED = Number(process.env.FUZZ_SEED ?? 19);
const ACCOUNTS = { editor: 'alice', reader: 'rita', admin: 'ada' } as const;

describe('every API route under arbitrary requests', () => {
  it('never answers 5xx, and a refused request changes nothing stored', async () => {
    const kit = await createTestApi();
    const routes = kit.app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => ({ method: route.method, path: route.path }));
    const unique = [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
    // The enumeration found the API, not only a few routes of it.
    expect(unique.length).toBeGreaterThan(12);
    expect(FIELD_SETS.length).toBeGreaterThan(4);
    const cookies = {
      editor: await kit.signIn('alice'),
      reader: await kit.signIn('rita'),
      admin: await kit.signIn('ada'),
    };
    let sent = 0;
    const statuses = new Map<number, number>();
    const reached = new Set<string>();

    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...unique)
          .chain((route) =>
            fc.tuple(
              fc.constant(route),
              fc.tuple(...[...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => paramValue(m[1]!)), fc.constant('')),
            ),
          ),
        weighted([
          ['route', 12],
          ['GET', 1],
          ['POST', 1],
          ['PATCH', 1],
          ['DELETE', 1],
          ['PUT', 1],
        ]),
        weighted<keyof typeof ACCOUNTS | null>([
          [null, 2],
          ['editor', 6],
          ['reader', 1],
          ['admin', 1],
        ]),
        fc.record({
          contentType: weighted([
            ['application/json', 8],
            ['text/plain', 1],
            [null, 1],
          ]),
          origin: weighted<string | null>([
            [null, 6],
            ['http://localhost', 6],
            ['https://localhost', 1],
            ['https://evil.example', 1],
            ['null', 1],
          ]),
          ifMatch: fc.constantFrom(null, '"1"', '"1"', '"2"', '"3"', '*', 'W/"1"', 'garbage'),
        }),
        body,
        async ([route, params], methodChoice, who, headers, payload) => {
          let i = 0;
          const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(String(params[i++] ?? 'x')));
          const method = methodChoice === 'route' ? route.method : methodChoice;
          const hasBody = !['GET', 'HEAD'].includes(method);
          const before = await snapshot(kit.store);
          const response = await kit.app.request(path, {
            method,
            headers: {
              ...(who ? { Cookie: cookies[who] } : {}),
              ...(headers.contentType ? { 'Content-Type': headers.contentType } : {}),
              ...(headers.origin ? { Origin: headers.origin } : {}),
              ...(headers.ifMatch ? { 'If-Match': headers.ifMatch } : {}),
              'x-test-address': `198.51.100.${sent % 250}`,
            },
            ...(hasBody ? { body: typeof payload === 'string' ? payload : JSON.stringify(payload) } : {}),
          });
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 400) reached.add(`${method} ${route.path}`);
          const label = `${method} ${path} as ${who ?? 'anonymous'}: ${response.status}`;
          // A change stream stays open: its answer is the start of a stream, not a document.
          if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
          else await response.arrayBuffer();
          expect(response.status, label).toBeLessThan(500);
          // Signing out ends that account's session: sign in again so later requests are not all anonymous.
          if (who && method === 'DELETE' && path === '/api/session' && response.status < 400) {
            cookies[who] = await kit.signIn(ACCOUNTS[who]);
          }
          if (response.status >= 400) expect(await snapshot(kit.store), label).toEqual(before);
        },
      ),
      { numRuns: RUNS, endOnFailure: true, seed: SEED },
    );
    expect(sent).toBe(RUNS);
    // The fuzz reached past validation: some changes were accepted, not only refused.
    expect([...reached].filter((route) => !route.startsWith('GET')).length, [...reached].join(', ')).toBeGreaterThan(2);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  }, 300_000);
});
