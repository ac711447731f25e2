import { queryOptions, type Query, type QueryClient } from '@tanstack/react-query';
import {
  type Claim,
  type CoverageChangeEvent,
  passageSchema,
  storyChangesSchema,
  storyEvidenceSchema,
  storyOverviewSchema,
  type EvidenceScope,
  type Passage,
  type StoryChanges,
  type StoryEvidence,
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
  /** All passage queries of a story, for invalidating them by prefix. */
  passagesOf: (storyId: string) => [...storyQueries.all(), 'passage', storyId] as const,
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
  /** One shared passage: for a link that follows a passage none of the open articles carries. */
  passage: (storyId: string, passageId: string) =>
    queryOptions({
      queryKey: [...storyPartQueries.passagesOf(storyId), passageId] as const,
      queryFn: ({ signal }) =>
        getJson(`${storyPath(storyId)}/passages/${encodeURIComponent(passageId)}`, passageSchema, signal),
      // It changes only with the story's text, and is invalidated with it (refreshPartsAfterCoverage).
      staleTime: Infinity,
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

/** Every cached read of one story, for invalidating them together: the whole story, its overview, evidence and passages. */
export const storyReadsOf = (storyId: string) => readsOf(storyId, ['bundle', 'overview', 'evidence', 'passage']);

/** A filter for the cached reads of one story of the given kinds (the key's second part). */
function readsOf(storyId: string, kinds: readonly string[]) {
  return {
    queryKey: storyQueries.all(),
    predicate: (query: Query) => kinds.includes(String(query.queryKey[1])) && query.queryKey[2] === storyId,
  };
}

/**
 * The reads of one story besides its evidence: the overview (and the whole story, for exports) —
 * what a change of an event or of an article's metadata leaves stale.
 */
export const overviewReadsOf = (storyId: string) => readsOf(storyId, ['bundle', 'overview']);

/**
 * What a change touched, to tell which cached evidence it left stale — so that a change in
 * one article refetches that article's evidence, not every open pane's.
 */
export type EvidenceTouch = {
  /** Claims and articles whose evidence changed: their scopes refetch. */
  claims?: readonly string[];
  articles?: readonly string[];
  /** Mentions changed, moved or removed: whatever evidence holds one refetches. */
  mentions?: readonly string[];
  /** Claims whose mentions changed claim or went (a merge, a removal): whatever evidence holds one refetches. */
  mentionsOfClaims?: readonly string[];
};

/** Whether a cached evidence query holds, or is the scope of, something the change touched. */
export function evidenceTouched(query: Pick<Query, 'queryKey' | 'state'>, touch: EvidenceTouch): boolean {
  const [, , , claim, article] = query.queryKey;
  if (typeof claim === 'string' && touch.claims?.includes(claim)) return true;
  if (typeof article === 'string' && touch.articles?.includes(article)) return true;
  const evidence = query.state.data as StoryEvidence | undefined;
  return (
    evidence?.mentions.some(
      (mention) => touch.mentions?.includes(mention.id) || touch.mentionsOfClaims?.includes(mention.claim),
    ) ?? false
  );
}

/**
 * Marks the evidence a change touched stale (an open view refetches it); `all` for a change
 * whose reach is not known. Without a story, every cached story's evidence is looked at.
 */
export function refreshEvidence(client: QueryClient, storyId: string | null, touch: EvidenceTouch | 'all') {
  return client.invalidateQueries({
    queryKey: storyId === null ? [...storyQueries.all(), 'evidence'] : storyPartQueries.evidenceOf(storyId),
    ...(touch === 'all' ? {} : { predicate: (query: Query) => evidenceTouched(query, touch) }),
  });
}

/** A shared passage as some cached evidence of the story holds it (an open pane's, say). */
export function cachedPassage(client: QueryClient, storyId: string, passageId: string): Passage | undefined {
  for (const [, evidence] of client.getQueriesData<StoryEvidence>({ queryKey: storyPartQueries.evidenceOf(storyId) })) {
    const passage = evidence?.passages.find((p) => p.id === passageId);
    if (passage) return passage;
  }
  return undefined;
}

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

/** Which evidence a change of coverage leaves stale; null: none. */
export function evidenceTouchOf(change: CoverageChangeEvent): EvidenceTouch | 'all' | null {
  switch (change.kind) {
    // Shared passages are a function of all the story's text: an article added, updated,
    // removed or brought back can change every article's.
    case 'article':
      return 'all';
    case 'claim': {
      const claims = change.claim === undefined ? [change.id] : [change.id, change.claim];
      return { claims, mentionsOfClaims: claims };
    }
    case 'mention':
      // From a server that does not name the mention's article, the reach is not known.
      if (change.article === undefined) return 'all';
      return {
        claims: change.claim === undefined ? [] : [change.claim],
        articles: [change.article],
        mentions: [change.id],
      };
    case 'actor':
      return null;
  }
}

/**
 * New or changed coverage: the overview refetches (it is compact), and of the evidence only
 * what the change touched — a mention's article and claim, a claim's, or for an article every
 * article's (their shared passages).
 */
export function refreshPartsAfterCoverage(client: QueryClient, change: CoverageChangeEvent) {
  void client.invalidateQueries({ queryKey: storyPartQueries.overview(change.story).queryKey });
  const touch = evidenceTouchOf(change);
  if (touch !== null) void refreshEvidence(client, change.story, touch);
  if (change.kind === 'article') void client.invalidateQueries({ queryKey: storyPartQueries.passagesOf(change.story) });
}

/** After a reconnection: every cached story catches up by its version. */
export function catchUpStories(client: QueryClient) {
  for (const query of client.getQueryCache().findAll({ queryKey: [...storyQueries.all(), 'overview'] })) {
    const storyId = query.queryKey[2];
    if (typeof storyId === 'string') void catchUpStory(client, storyId).catch(() => undefined);
  }
}
