import { QueryClient } from '@tanstack/react-query';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SqlStore } from '../../../server/store/sql/sql-store';
import { serveEditorialApi } from '@/test/editorial-api';
import {
  catchUpStory,
  isStoryPartQuery,
  patchOverviewVerdict,
  refreshPartsAfterCoverage,
  storyPartQueries,
} from './story-part-queries';
import { storyQueries } from './story-queries';

const STORY = 'rafah-scg-2024';

describe('a story in parts, in the client cache', () => {
  it('fetches the overview and evidence on demand, and after missed changes refetches only what changed', async () => {
    const { store } = await serveEditorialApi();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const overview = await client.fetchQuery(storyPartQueries.overview(STORY));
    const [first, second] = overview.claims;
    expect(overview.cells.length).toBe(overview.counts.mentions);
    const changed = await client.fetchQuery(storyPartQueries.evidence(STORY, { claim: first!.id }));
    const untouched = await client.fetchQuery(storyPartQueries.evidence(STORY, { claim: second!.id }));
    expect(changed.mentions.every((mention) => mention.claim === first!.id)).toBe(true);
    expect(untouched.mentions.every((mention) => mention.claim === second!.id)).toBe(true);

    const stale = () =>
      [
        storyPartQueries.overview(STORY).queryKey,
        storyPartQueries.evidence(STORY, { claim: first!.id }).queryKey,
        storyPartQueries.evidence(STORY, { claim: second!.id }).queryKey,
      ].map((queryKey) => client.getQueryState(queryKey)?.isInvalidated);

    // Nothing changed: nothing is refetched.
    await catchUpStory(client, STORY);
    expect(stale()).toEqual([false, false, false]);

    // A change the page missed, to a mention of the first claim.
    const mention = changed.mentions[0]!;
    await sql`UPDATE mentions SET stance = 'contradicts' WHERE id = ${mention.id}`.execute((store as SqlStore).sql.db);
    await catchUpStory(client, STORY);
    // Marked stale, so an open view refetches them: the overview and the first claim's evidence only.
    expect(stale()).toEqual([true, true, false]);
    const after = await client.fetchQuery({ ...storyPartQueries.evidence(STORY, { claim: first!.id }), staleTime: 0 });
    expect(after.mentions.find((m) => m.id === mention.id)?.stance).toBe('contradicts');
    client.clear();
  });

  it('patches a changed verdict into the cached overview, and refreshes only the evidence new coverage is in', async () => {
    await serveEditorialApi();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const overview = await client.fetchQuery(storyPartQueries.overview(STORY));
    const [first, second] = overview.claims;
    const verdict = { ...first!.verdict, status: 'false' as const, version: first!.verdict.version + 1 };
    patchOverviewVerdict(client, STORY, first!.id, verdict);
    const patched = client.getQueryData(storyPartQueries.overview(STORY).queryKey);
    expect(patched?.claims[0]?.verdict).toEqual(verdict);
    expect(patched?.claims[1]).toBe(overview.claims[1]);
    expect(client.getQueryState(storyPartQueries.overview(STORY).queryKey)?.isInvalidated).toBe(false);

    await client.fetchQuery(storyPartQueries.evidence(STORY, { claim: first!.id }));
    await client.fetchQuery(storyPartQueries.evidence(STORY, { claim: second!.id }));
    refreshPartsAfterCoverage(client, { story: STORY, kind: 'claim', id: second!.id });
    const invalidated = (claim: string) =>
      client.getQueryState(storyPartQueries.evidence(STORY, { claim }).queryKey)?.isInvalidated;
    expect([invalidated(first!.id), invalidated(second!.id)]).toEqual([false, true]);

    expect(isStoryPartQuery(storyPartQueries.overview(STORY).queryKey)).toBe(true);
    expect(isStoryPartQuery(storyQueries.bundle(STORY).queryKey)).toBe(false);
    client.clear();
  });

  it('refreshes of the evidence only what a changed mention is in: its article, its claim, and wherever it was', async () => {
    await serveEditorialApi();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const overview = await client.fetchQuery(storyPartQueries.overview(STORY));
    const [a, b] = overview.articles;
    const mention = overview.cells.find((cell) => cell.article === a!.id)!;
    const other = overview.claims.find((claim) => claim.id !== mention.claim)!;
    const scopes = [{ article: a!.id }, { article: b!.id }, { claim: mention.claim }, { claim: other.id }];
    for (const scope of scopes) await client.fetchQuery(storyPartQueries.evidence(STORY, scope));
    const stale = () =>
      scopes.map((scope) => client.getQueryState(storyPartQueries.evidence(STORY, scope).queryKey)?.isInvalidated);
    const reset = () => client.resetQueries({ queryKey: storyPartQueries.evidenceOf(STORY) });

    refreshPartsAfterCoverage(client, { story: STORY, kind: 'mention', id: mention.id, article: a!.id });
    expect(stale()).toEqual([true, false, true, false]);
    await reset();
    for (const scope of scopes) await client.fetchQuery(storyPartQueries.evidence(STORY, scope));
    // A source added touches no evidence; an article (its text, so every article's shared passages) all of it.
    refreshPartsAfterCoverage(client, { story: STORY, kind: 'actor', id: 'new-source' });
    expect(stale()).toEqual([false, false, false, false]);
    refreshPartsAfterCoverage(client, { story: STORY, kind: 'article', id: b!.id });
    expect(stale()).toEqual([true, true, true, true]);
    client.clear();
  });
});
