import { queryOptions, type Query, type QueryClient } from '@tanstack/react-query';
import {
  type Claim,
  type CoverageChangeEvent,
  storyChangesSchema,
  storyEvidenceSchema,
  storyOverviewSchema,
  type EvidenceScope,
  type StoryChanges,
  type StoryOverview,
  type StoryVersion,
} from '@/domain/schemas';
import { getJson } from './get-json';
import { storyQueries } from './story-queries';

const storyPath = (storyId: string) => `/api/stories/${encodeURIComponent(storyId)}`;

/**
 * A story in the parts its views need, under the story key space (so whatever invalidates a
 * story invalidates these too): the compact overview every view starts from, and evidence on
 * demand for a claim, an article or one cell. Each is validated as it arrives, at a cost
 * proportional to what was fetched.
 */
export const storyPartQueries = {
  overview: (storyId: string) =>
    queryOptions({
      queryKey: [...storyQueries.all(), 'overview', storyId] as const,
      queryFn: ({ signal }) => getJson(`${storyPath(storyId)}/overview`, storyOverviewSchema, signal),
    }),
  /** All evidence queries of a story, for invalidating them by prefix. */
  evidenceOf: (storyId: string) => [...storyQueries.all(), 'evidence', storyId] as const,
  evidence: (storyId: string, scope: EvidenceScope) =>
    queryOptions({
      queryKey: [...storyPartQueries.evidenceOf(storyId), scope.claim ?? null, scope.article ?? null] as const,
      queryFn: ({ signal }) => {
        const query = new URLSearchParams();
        if (scope.claim !== undefined) query.set('claim', scope.claim);
        if (scope.article !== undefined) query.set('article', scope.article);
        return getJson(`${storyPath(storyId)}/evidence?${query.toString()}`, storyEvidenceSchema, signal);
      },
    }),
  changesSince: (storyId: string, since: StoryVersion) =>
    queryOptions({
      queryKey: [...storyQueries.all(), 'changes', storyId, since.epoch, since.version] as const,
      queryFn: ({ signal }) =>
        getJson(
          `${storyPath(storyId)}/changes?since=${encodeURIComponent(`${since.epoch}.${since.version}`)}`,
          storyChangesSchema,
          signal,
        ),
      staleTime: 0,
    }),
};

/** Every cached read of one story, for invalidating them together: the whole story, its overview and evidence. */
export const storyReadsOf = (storyId: string) => ({
  queryKey: storyQueries.all(),
  predicate: (query: Query) =>
    ['bundle', 'overview', 'evidence'].includes(String(query.queryKey[1])) && query.queryKey[2] === storyId,
});

/** Which cached evidence queries a list of changes touches: those of a changed claim or article. */
export function touchedEvidence(changes: StoryChanges, scope: { claim: string | null; article: string | null }) {
  if (changes.kind === 'unknown') return true;
  return changes.changes.some(
    (change) =>
      (change.claim === null && change.article === null) ||
      (scope.claim !== null && change.claim === scope.claim) ||
      (scope.article !== null && change.article === scope.article),
  );
}

/**
 * After missed live updates: asks the server what changed since the cached overview's version
 * and refetches only the parts that changed — the overview when anything did, and the evidence
 * of the claims and articles whose rows changed. Nothing is refetched when nothing changed.
 */
export async function catchUpStory(client: QueryClient, storyId: string): Promise<void> {
  const overview: StoryOverview | undefined = client.getQueryData(storyPartQueries.overview(storyId).queryKey);
  if (!overview) return;
  const changes = await client.fetchQuery(storyPartQueries.changesSince(storyId, overview.version));
  if (changes.kind === 'changes' && changes.changes.length === 0) return;
  await Promise.all([
    client.invalidateQueries({ queryKey: storyPartQueries.overview(storyId).queryKey }),
    client.invalidateQueries({
      queryKey: storyPartQueries.evidenceOf(storyId),
      predicate: (query) => {
        const [, , , claim, article] = query.queryKey;
        return touchedEvidence(changes, {
          claim: typeof claim === 'string' ? claim : null,
          article: typeof article === 'string' ? article : null,
        });
      },
    }),
  ]);
}

/** Whether a query is one of the story parts, which catch up by version instead of refetching whole. */
export const isStoryPartQuery = (queryKey: readonly unknown[]) =>
  queryKey[0] === storyQueries.all()[0] && ['overview', 'evidence', 'changes'].includes(String(queryKey[1]));

/** A verdict changed elsewhere: the cached overview shows it at once, without a refetch. */
export function patchOverviewVerdict(client: QueryClient, storyId: string, claimId: string, verdict: Claim['verdict']) {
  client.setQueryData(
    storyPartQueries.overview(storyId).queryKey,
    (overview) =>
      overview && {
        ...overview,
        claims: overview.claims.map((claim) => (claim.id === claimId ? { ...claim, verdict } : claim)),
      },
  );
}

/**
 * New coverage: the overview refetches (it is compact), and of the evidence only what the new
 * claim or article is in; a new mention's claim and article are not named, so a story's
 * evidence refetches as it is next shown.
 */
export function refreshPartsAfterCoverage(client: QueryClient, change: CoverageChangeEvent) {
  void client.invalidateQueries({ queryKey: storyPartQueries.overview(change.story).queryKey });
  void client.invalidateQueries({
    queryKey: storyPartQueries.evidenceOf(change.story),
    predicate: (query) => {
      const [, , , claim, article] = query.queryKey;
      if (change.kind === 'claim') return claim === change.id;
      if (change.kind === 'article') return article === change.id;
      return true;
    },
  });
}

/** After a reconnection: every cached story catches up by its version. */
export function catchUpStories(client: QueryClient) {
  for (const query of client.getQueryCache().findAll({ queryKey: [...storyQueries.all(), 'overview'] })) {
    const storyId = query.queryKey[2];
    if (typeof storyId === 'string') void catchUpStory(client, storyId).catch(() => undefined);
  }
}
