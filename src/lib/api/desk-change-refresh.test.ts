import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { serveEditorialApi } from '@/test/editorial-api';
import { evidenceTouchOfAnswer } from './desk-change-refresh';
import { storyPartQueries } from './story-part-queries';

const STORY = 'rafah-scg-2024';

describe('the refresh after a change of the desk’s work', () => {
  it('tells from the answer to a desk change which evidence it touched', async () => {
    await serveEditorialApi();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const overview = await client.fetchQuery(storyPartQueries.overview(STORY));
    const cell = overview.cells[0]!;
    const [mention] = (await client.fetchQuery(storyPartQueries.evidence(STORY, { article: cell.article }))).mentions;
    const claim = overview.claims[0]!;
    const event = overview.events[0]!;
    expect(evidenceTouchOfAnswer({ ...mention, version: 2 })).toEqual({
      articles: [mention!.article],
      claims: [mention!.claim],
      mentions: [mention!.id],
    });
    expect(evidenceTouchOfAnswer({ removed: mention!.id })).toEqual({ mentions: [mention!.id] });
    expect(evidenceTouchOfAnswer(claim)).toEqual({ claims: [claim.id], mentionsOfClaims: [claim.id] });
    expect(evidenceTouchOfAnswer({ claim, into: overview.claims[1] })).toEqual({
      claims: [claim.id, overview.claims[1]!.id],
      mentionsOfClaims: [claim.id, overview.claims[1]!.id],
    });
    expect(evidenceTouchOfAnswer({ ...event, version: 1 })).toBeNull();
    expect(evidenceTouchOfAnswer({ removed: true, event, version: 2 })).toBeNull();
    expect(evidenceTouchOfAnswer(overview.actors[0])).toBeNull();
    expect(evidenceTouchOfAnswer({ something: 'else' })).toBe('all');
    client.clear();
  });
});
