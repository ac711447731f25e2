import { QueryClient } from '@tanstack/react-query';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SqlStore } from '../../../server/store/sql/sql-store';
import { serveEditorialApi } from '@/test/editorial-api';
import { catchUpStory, storyPartQueries } from './story-part-queries';

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
});
