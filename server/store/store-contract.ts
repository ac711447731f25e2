import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEntrySchema,
  storyBundleSchema,
  storySummarySchema,
  articleSchema,
  type VerdictContent,
} from '@/domain/schemas';
import { anchorAt } from '@/domain/span-anchoring';
import { fixtureCorpus } from './fixture-corpus';
import type { Account, Store, VerdictUpdate } from './store';

const disputed: VerdictContent = {
  status: 'disputed',
  note: 'Officials on both sides deny it.',
  evidence: [
    { kind: 'mention', mention: 'm-b-deal' },
    { kind: 'url', url: 'https://example.org/denial' },
  ],
};

const change = (expectedVersion: number, content: VerdictContent = disputed, editor = 'alice'): VerdictUpdate => ({
  claimId: 'deal',
  expectedVersion,
  content,
  editor,
  at: `2024-05-0${expectedVersion}T10:00:00.000Z`,
});

const account = (username: string, role: Account['role'] = 'editor'): Account => ({
  username,
  role,
  passwordHash: `hash-of-${username}`,
  createdAt: '2024-05-01T09:00:00.000Z',
});

/** The behaviour every Store must have; each implementation runs this suite. */
export function describeStoreContract(name: string, createStore: () => Promise<Store>) {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('is empty before seeding', async () => {
      expect(await store.listStories()).toEqual([]);
      expect(await store.getStoryBundle('fixture-story')).toBeNull();
    });

    it('lists a seeded story with its counts', async () => {
      await store.seed(fixtureCorpus());
      const stories = await store.listStories();
      expect(stories.map((s) => storySummarySchema.parse(s))).toEqual([
        {
          id: 'fixture-story',
          title: 'Fixture story',
          summary: 'Two articles, two claims.',
          counts: { articles: 2, claims: 2, mentions: 3, events: 1 },
          version: 1,
          archived: false,
          pinned: false,
          changedAt: null,
        },
      ]);
    });

    it('returns the whole bundle as seeded, in order, with only the outlets and actors it uses', async () => {
      const corpus = fixtureCorpus();
      await store.seed(corpus);
      const bundle = storyBundleSchema.parse(await store.getStoryBundle('fixture-story'));
      const seeded = corpus.stories[0]!;
      expect(bundle.story).toEqual(seeded.story);
      expect(bundle.articles).toEqual(
        seeded.articles.map(({ body: _b, paragraphs: _p, sentences: _s, ...meta }) => meta),
      );
      expect(bundle.claims).toEqual(seeded.claims);
      expect(bundle.mentions).toEqual(seeded.mentions);
      expect(bundle.events).toEqual(seeded.events);
      expect(bundle.passages).toEqual(seeded.passages);
      expect(bundle.outlets.map((o) => o.id)).toEqual(['outlet-one', 'outlet-two']);
      expect(bundle.actors.map((a) => a.id)).toEqual(['officials']);
    });

    it('keeps what the corpus says about its basis: notes, provenance, furniture, co-sources, support, record days', async () => {
      const corpus = fixtureCorpus();
      const seeded = corpus.stories[0]!;
      seeded.story.notes = [{ id: 'n-call', text: 'The call is on the public record.', source: 'Readout' }];
      seeded.articles[1] = {
        ...seeded.articles[1]!,
        provenance: 'Taken from the print edition.',
        furniture: [{ kind: 'caption', start: 0, end: 17, note: 'A photo caption.' }],
      };
      seeded.claims[0] = { ...seeded.claims[0]!, basis: 'Worded as the statement has it.' };
      seeded.mentions[2] = {
        ...seeded.mentions[2]!,
        attribution: [
          {
            sources: [
              { kind: 'actor', id: 'officials' },
              { kind: 'outlet', id: 'outlet-one' },
            ],
          },
          { kind: 'outlet', id: 'outlet-two' },
        ],
        support: 'partial',
        basis: { evidence: 'The denial covers the deal, not the talks.', notes: ['n-call'] },
      };
      const event = seeded.events[0]!;
      seeded.events[0] = {
        ...event,
        date: { ...event.date, precision: 'day', start: '2024-04-10', end: '2024-04-10', record: 'n-call' },
        related: [{ event: 'later-meeting', note: 'The meeting it promised.' }],
      };
      await store.seed(corpus);
      const bundle = storyBundleSchema.parse(await store.getStoryBundle('fixture-story'));
      expect(bundle.story).toEqual(seeded.story);
      expect(bundle.articles[1]).toMatchObject({ provenance: seeded.articles[1].provenance });
      expect(bundle.articles[1]?.furniture).toEqual(seeded.articles[1].furniture);
      expect(bundle.claims).toEqual(seeded.claims);
      expect(bundle.mentions).toEqual(seeded.mentions);
      expect(bundle.events).toEqual(seeded.events);
      // Co-sources count as voices of the story: the outlet inside the group is carried.
      expect(bundle.outlets.map((o) => o.id)).toEqual(['outlet-one', 'outlet-two']);
      expect(articleSchema.parse(await store.getArticle('art-b'))).toEqual(seeded.articles[1]);
      // Absent optional fields stay absent, not null.
      expect(Object.keys(bundle.articles[0]!)).not.toContain('furniture');
      expect(Object.keys(bundle.mentions[0]!)).not.toContain('support');
    });

    it('returns an article with its body and ranges, and null for an unknown one', async () => {
      const corpus = fixtureCorpus();
      await store.seed(corpus);
      expect(articleSchema.parse(await store.getArticle('art-b'))).toEqual(corpus.stories[0]!.articles[1]);
      expect(await store.getArticle('no-such-article')).toBeNull();
    });

    it('seeds idempotently: a second seeding adds nothing', async () => {
      const first = await store.seed(fixtureCorpus());
      expect(first).toEqual({ stories: 1, articles: 2, claims: 2, mentions: 3, events: 1 });
      const before = await store.getStoryBundle('fixture-story');
      const second = await store.seed(fixtureCorpus());
      expect(second).toEqual({ stories: 0, articles: 0, claims: 0, mentions: 0, events: 0 });
      expect(await store.getStoryBundle('fixture-story')).toEqual(before);
    });

    it('never overwrites stored rows when the corpus changes, but adds what is new', async () => {
      await store.seed(fixtureCorpus());
      const changed = fixtureCorpus();
      const story = changed.stories[0]!;
      story.claims[0]!.text = 'Reworded in the corpus';
      story.claims.push({ ...story.claims[1]!, id: 'new-claim', text: 'A new claim.' });
      const report = await store.seed(changed);
      expect(report.claims).toBe(1);
      const bundle = await store.getStoryBundle('fixture-story');
      expect(bundle?.claims.map((c) => c.text)).toEqual([
        'The sides will meet again soon.',
        'There was a deal.',
        'A new claim.',
      ]);
    });

    it('reads a claim, with the mentions its verdict may cite', async () => {
      await store.seed(fixtureCorpus());
      expect(await store.getClaim('deal')).toEqual(fixtureCorpus().stories[0]!.claims[1]);
      expect(await store.getClaim('no-such-claim')).toBeNull();
      expect(await store.listClaimMentionIds('meet-again')).toEqual(['m-a-meet', 'm-b-meet']);
      expect(await store.listClaimMentionIds('no-such-claim')).toEqual([]);
    });

    it('changes a verdict at the expected version and records who, when, from and to', async () => {
      await store.seed(fixtureCorpus());
      const result = await store.updateVerdict(change(1));
      expect(result.kind).toBe('updated');
      if (result.kind !== 'updated') return;
      expect(result.claim.verdict).toEqual({
        ...disputed,
        editor: 'alice',
        at: '2024-05-01T10:00:00.000Z',
        version: 2,
      });
      expect(auditEntrySchema.parse(result.entry)).toEqual({
        id: expect.any(Number),
        claim: 'deal',
        story: 'fixture-story',
        version: 2,
        editor: 'alice',
        at: '2024-05-01T10:00:00.000Z',
        from: { status: 'unreviewed', note: '', evidence: [] },
        to: disputed,
      });
      expect(await store.getClaim('deal')).toEqual(result.claim);
      const bundle = await store.getStoryBundle('fixture-story');
      expect(bundle?.claims.find((c) => c.id === 'deal')?.verdict.version).toBe(2);
      expect(await store.listVerdictHistory('deal')).toEqual([result.entry]);
      expect(await store.listVerdictHistory('meet-again')).toEqual([]);
    });

    it('refuses a change based on a stale version, changing nothing and returning the current claim', async () => {
      await store.seed(fixtureCorpus());
      await store.updateVerdict(change(1));
      const stale = await store.updateVerdict(
        change(1, { status: 'verified', note: 'Confirmed.', evidence: [] }, 'bob'),
      );
      expect(stale).toEqual({ kind: 'stale', claim: await store.getClaim('deal') });
      expect((await store.getClaim('deal'))?.verdict).toMatchObject({
        status: 'disputed',
        editor: 'alice',
        version: 2,
      });
      expect(await store.listVerdictHistory('deal')).toHaveLength(1);
      expect(await store.updateVerdict({ ...change(1), claimId: 'no-such-claim' })).toEqual({ kind: 'not_found' });
    });

    it('accepts exactly one of many concurrent changes based on the same version', async () => {
      await store.seed(fixtureCorpus());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.updateVerdict(change(1, { ...disputed, note: `note ${i}` }))),
      );
      expect(results.filter((r) => r.kind === 'updated')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'stale')).toHaveLength(19);
      expect(await store.listVerdictHistory('deal')).toHaveLength(1);
    });

    it('lists the history oldest first, each entry starting where the previous one ended', async () => {
      await store.seed(fixtureCorpus());
      const notes = ['first', 'second', 'third'];
      for (const [i, note] of notes.entries()) {
        expect((await store.updateVerdict(change(i + 1, { ...disputed, note }))).kind).toBe('updated');
      }
      const history = await store.listVerdictHistory('deal');
      expect(history.map((e) => [e.version, e.from.note, e.to.note])).toEqual([
        [2, '', 'first'],
        [3, 'first', 'second'],
        [4, 'second', 'third'],
      ]);
    });

    it('keeps an edited verdict through a reseed', async () => {
      await store.seed(fixtureCorpus());
      await store.updateVerdict(change(1));
      await store.seed(fixtureCorpus());
      expect((await store.getClaim('deal'))?.verdict.version).toBe(2);
    });

    it('creates accounts once, reads them back and lists them without their hashes', async () => {
      expect(await store.createAccount(account('bob', 'reader'))).toBe('created');
      expect(await store.createAccount(account('alice'))).toBe('created');
      expect(await store.createAccount({ ...account('alice', 'admin'), passwordHash: 'other' })).toBe('exists');
      expect(await store.getAccount('alice')).toEqual(account('alice'));
      expect(await store.getAccount('nobody')).toBeNull();
      expect(await store.listAccounts()).toEqual([
        { username: 'alice', role: 'editor', createdAt: '2024-05-01T09:00:00.000Z' },
        { username: 'bob', role: 'reader', createdAt: '2024-05-01T09:00:00.000Z' },
      ]);
      expect(await store.updateAccount('alice', { role: 'admin', passwordHash: 'new-hash' })).toBe(true);
      expect(await store.getAccount('alice')).toMatchObject({ role: 'admin', passwordHash: 'new-hash' });
      expect(await store.updateAccount('nobody', { role: 'admin' })).toBe(false);
    });

    it('finds a session until it expires, with the account as it is now', async () => {
      await store.createAccount(account('alice'));
      await store.createSession({ tokenHash: 't1', username: 'alice', createdAt: 'now', expiresAt: 1_000 });
      expect(await store.findSession('t1', 999)).toEqual({ username: 'alice', role: 'editor', expiresAt: 1_000 });
      await store.updateAccount('alice', { role: 'reader' });
      expect((await store.findSession('t1', 999))?.role).toBe('reader');
      expect(await store.findSession('t1', 1_000)).toBeNull();
      expect(await store.findSession('unknown', 0)).toBeNull();
      expect(await store.deleteExpiredSessions(1_000)).toBe(1);
      expect(await store.findSession('t1', 0)).toBeNull();
    });

    it('ends one session, all of an account, or all with the account', async () => {
      for (const name of ['alice', 'bob']) await store.createAccount(account(name));
      const session = (tokenHash: string, username: string) =>
        store.createSession({ tokenHash, username, createdAt: 'now', expiresAt: 10_000 });
      await session('a1', 'alice');
      await session('a2', 'alice');
      await session('b1', 'bob');
      await store.deleteSession('a1');
      expect(await store.findSession('a1', 0)).toBeNull();
      expect(await store.deleteSessionsOf('alice')).toBe(1);
      expect(await store.findSession('a2', 0)).toBeNull();
      expect(await store.deleteAccount('bob')).toBe(true);
      expect(await store.findSession('b1', 0)).toBeNull();
      expect(await store.deleteAccount('bob')).toBe(false);
      await expect(session('x', 'bob')).rejects.toThrow();
    });

    it('appends to the security log in order', async () => {
      const at = '2024-05-01T10:00:00.000Z';
      await store.logSecurityEvent({ kind: 'sign_in_failed', at, username: 'alice', address: '10.0.0.1', detail: 'x' });
      await store.logSecurityEvent({ kind: 'change_refused', at, username: null, address: null, detail: 'y' });
      expect((await store.listSecurityEvents()).map((e) => [e.kind, e.username, e.detail])).toEqual([
        ['sign_in_failed', 'alice', 'x'],
        ['change_refused', null, 'y'],
      ]);
    });

    it('cuts what the client sent to a bounded length', async () => {
      const at = '2024-05-01T10:00:00.000Z';
      const origin = `https://${'x'.repeat(14_000)}.example`;
      await store.logSecurityEvent({
        kind: 'change_refused',
        at,
        username: 'u'.repeat(5_000),
        address: 'a'.repeat(5_000),
        detail: origin,
      });
      const [entry] = await store.listSecurityEvents();
      expect(entry!.detail.length).toBeLessThanOrEqual(300);
      expect(entry!.detail.startsWith('https://xxx')).toBe(true);
      expect(entry!.username!.length).toBeLessThanOrEqual(100);
      expect(entry!.address!.length).toBeLessThanOrEqual(100);
    });

    it('aggregates identical events within their window, and only those', async () => {
      const refused = (at: string, detail = 'PATCH /api/claims/x/verdict: cross-origin') =>
        store.logSecurityEvent({
          kind: 'change_refused',
          at,
          username: null,
          address: '10.0.0.9',
          detail,
          aggregateMs: 60_000,
        });
      await Promise.all(Array.from({ length: 10 }, (_, i) => refused(`2024-05-01T10:00:${String(i + 10)}.000Z`)));
      await refused('2024-05-01T10:00:30.000Z', 'another refusal');
      await refused('2024-05-01T10:01:05.000Z');
      const signedIn = {
        kind: 'signed_in' as const,
        at: '2024-05-01T10:00:40.000Z',
        username: 'alice',
        address: '10.0.0.9',
        detail: 'signed in',
      };
      await store.logSecurityEvent(signedIn);
      await store.logSecurityEvent(signedIn);
      const events = await store.listSecurityEvents();
      expect(events.map((e) => [e.kind, e.detail.slice(0, 7), e.occurrences])).toEqual([
        ['change_refused', 'PATCH /', 10],
        ['change_refused', 'another', 1],
        ['change_refused', 'PATCH /', 1],
        ['signed_in', 'signed ', 1],
        ['signed_in', 'signed ', 1],
      ]);
      expect(events[0]).toMatchObject({
        at: expect.stringMatching(/^2024-05-01T10:00:1/),
        lastAt: expect.stringMatching(/^2024-05-01T10:00:1/),
      });
    });

    it('prunes the security log up to a cutoff, on the record, and refuses a cutoff in the future', async () => {
      for (const at of ['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z']) {
        await store.logSecurityEvent({ kind: 'sign_in_failed', at, username: 'x', address: null, detail: at });
      }
      const prune = { cutoff: '2024-03-01T00:00:00.000Z', at: '2024-06-02T00:00:00.000Z', by: 'ada' };
      expect(await store.pruneSecurityLog(prune)).toBe(2);
      expect((await store.listSecurityEvents()).map((e) => [e.kind, e.detail])).toEqual([
        ['sign_in_failed', '2024-06-01T00:00:00.000Z'],
        ['log_pruned', 'removed 2 entries last seen before 2024-03-01T00:00:00.000Z'],
      ]);
      expect(await store.listSecurityLogPrunes()).toEqual([{ ...prune, removed: 2 }]);
      await expect(store.pruneSecurityLog({ ...prune, cutoff: '2030-01-01T00:00:00.000Z' })).rejects.toThrow(/future/);
      expect(await store.listSecurityLogPrunes()).toHaveLength(1);
    });

    it('throttles sign-in attempts per key with growing delays, counting parallel attempts one by one', async () => {
      const rules = [{ key: 'k', freeFailures: 3 }];
      const t0 = 1_700_000_000_000;
      const decisions = await Promise.all(Array.from({ length: 6 }, () => store.takeSignInAttempt(rules, t0)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
      expect(decisions.filter((d) => !d.allowed)).toEqual(Array(3).fill({ allowed: false, retryAfterMs: 1_000 }));
      expect(await store.takeSignInAttempt(rules, t0 + 1_000)).toEqual({ allowed: true });
      expect(await store.takeSignInAttempt(rules, t0 + 1_000)).toEqual({ allowed: false, retryAfterMs: 2_000 });
      // Another key is not affected; a settled attempt clears or forgives.
      expect(await store.takeSignInAttempt([{ key: 'other', freeFailures: 3 }], t0)).toEqual({ allowed: true });
      await store.settleSignInAttempt({ reset: ['k'], forgive: ['other'] });
      expect(await store.takeSignInAttempt(rules, t0 + 1_001)).toEqual({ allowed: true });
    });

    it('does not let callers change stored data through returned objects', async () => {
      await store.seed(fixtureCorpus());
      const bundle = await store.getStoryBundle('fixture-story');
      bundle!.claims[0]!.text = 'mutated';
      expect((await store.getStoryBundle('fixture-story'))?.claims[0]?.text).toBe('The sides will meet again soon.');
    });

    describe('adding coverage', () => {
      const newArticle = () => {
        const corpus = fixtureCorpus();
        const source = corpus.stories[0]!.articles[0]!;
        const article = { ...source, id: 'art-new', outlet: 'outlet-new', title: 'New article' };
        const passage = {
          id: 'p-new',
          story: 'fixture-story',
          text: 'officials met on monday',
          spans: [
            { ...anchorAt(source.body, 0, 23), article: 'art-a' },
            { ...anchorAt(source.body, 0, 23), article: 'art-new' },
          ],
        };
        return {
          article,
          newOutlet: { id: 'outlet-new', name: 'New Outlet', aliases: [], kind: 'wire' as const, url: null },
          passages: [passage],
        };
      };

      it('adds an article with its new outlet and replaces the story passages, once', async () => {
        await store.seed(fixtureCorpus());
        const input = newArticle();
        expect(await store.addArticle(input)).toBe('added');
        expect(await store.addArticle({ ...input, passages: [] })).toBe('exists');
        const bundle = await store.getStoryBundle('fixture-story');
        expect(bundle?.articles.map((a) => a.id)).toEqual(['art-a', 'art-b', 'art-new']);
        expect(bundle?.passages.map((p) => p.id)).toEqual(['p-new']);
        expect((await store.listOutlets()).map((o) => o.id)).toContain('outlet-new');
        expect(await store.getArticle('art-new')).toEqual(input.article);
        expect((await store.listStoryArticles('fixture-story')).map((a) => a.id)).toEqual([
          'art-a',
          'art-b',
          'art-new',
        ]);
      });

      it('adds claims and mentions, and refuses a mention of an unknown claim without storing it', async () => {
        await store.seed(fixtureCorpus());
        const claim = { ...fixtureCorpus().stories[0]!.claims[0]!, id: 'claim-new', text: 'New claim' };
        expect(await store.addClaim(claim)).toBe('added');
        expect(await store.addClaim(claim)).toBe('exists');
        const mention = { ...fixtureCorpus().stories[0]!.mentions[0]!, id: 'm-new', claim: 'claim-new' };
        expect(await store.addMention(mention)).toBe('added');
        expect(await store.addMention(mention)).toBe('exists');
        await expect(store.addMention({ ...mention, id: 'm-bad', claim: 'no-claim' })).rejects.toThrow();
        const bundle = await store.getStoryBundle('fixture-story');
        expect(bundle?.mentions.find((m) => m.id === 'm-new')).toEqual(mention);
        expect(bundle?.mentions.some((m) => m.id === 'm-bad')).toBe(false);
        expect(bundle?.claims.at(-1)?.id).toBe('claim-new');
      });

      it('remembers rejected suggestions per article, once each', async () => {
        await store.seed(fixtureCorpus());
        const rejection = {
          article: 'art-a',
          claim: 'deal',
          sentenceStart: 0,
          editor: 'ed',
          at: '2024-05-01T10:00:00.000Z',
        };
        await store.rejectSuggestion(rejection);
        await store.rejectSuggestion(rejection);
        expect(await store.listRejectedSuggestions('art-a')).toEqual([{ claim: 'deal', sentenceStart: 0 }]);
        expect(await store.listRejectedSuggestions('art-b')).toEqual([]);
      });

      it('lists every known outlet and actor, not only those a story uses', async () => {
        await store.seed(fixtureCorpus());
        expect((await store.listOutlets()).map((o) => o.id)).toContain('outlet-unused');
        expect((await store.listActors()).map((a) => a.id)).toContain('unused-actor');
      });
    });
  });
}
