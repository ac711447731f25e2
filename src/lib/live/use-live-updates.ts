import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  coverageChangeEventSchema,
  eventChangeEventSchema,
  publicationChangeEventSchema,
  verdictChangeEventSchema,
} from '@/domain/schemas';
import { claimQueries, cachedClaim, notAMention, putClaimInCache } from '../api/claim-queries';
import { publicationQueries, putPublicationInCache } from '../api/publication-queries';
import {
  catchUpStories,
  overviewReadsOf,
  isStoryPartQuery,
  patchOverviewVerdict,
  refreshPartsAfterCoverage,
} from '../api/story-part-queries';
import { storyQueries } from '../api/story-queries';

const MAX_RETRY_MS = 30_000;

/** Applies one accepted change from the server to the cache, and marks what depends on it stale. */
export function applyVerdictChange(client: QueryClient, data: string) {
  let event;
  try {
    event = verdictChangeEventSchema.parse(JSON.parse(data));
  } catch {
    return; // Not ours to understand; the next refetch brings the truth.
  }
  const claim = cachedClaim(client, event.story, event.claim);
  if (claim) putClaimInCache(client, { ...claim, verdict: event.verdict });
  patchOverviewVerdict(client, event.story, event.claim, event.verdict);
  // The bundle now holds the change; marking it stale (without refetching a large story at once)
  // makes the next view that mounts it confirm with the server.
  void client.invalidateQueries({ queryKey: storyQueries.bundle(event.story).queryKey, refetchType: 'none' });
  void client.invalidateQueries({ queryKey: claimQueries.history(event.claim).queryKey });
}

/**
 * New or changed coverage (an article, mention, claim or source) changes the story's grid and
 * panes: the overview refetches, and the evidence the change touched.
 */
export function applyCoverageChange(client: QueryClient, data: string) {
  let event;
  try {
    event = coverageChangeEventSchema.parse(JSON.parse(data));
  } catch {
    return;
  }
  void client.invalidateQueries({ queryKey: storyQueries.bundle(event.story).queryKey });
  void client.invalidateQueries({ queryKey: storyQueries.list().queryKey });
  refreshPartsAfterCoverage(client, event);
  // A claim or mention corrected elsewhere: its topics, edits and stored version are refetched too.
  void client.invalidateQueries({ queryKey: claimQueries.all(), predicate: notAMention });
}

/**
 * An event added, changed, removed or restored: the story's overview (its timeline) refetches,
 * and any open copy of the event; no evidence holds events.
 */
export function applyEventChange(client: QueryClient, data: string) {
  const event = eventChangeEventSchema.safeParse(safeJson(data));
  if (!event.success) return;
  void client.invalidateQueries(overviewReadsOf(event.data.story));
  void client.invalidateQueries({ queryKey: ['events', event.data.event] });
}

function safeJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** A verdict published or withdrawn elsewhere: every open claim view shows it at once. */
export function applyPublicationChange(client: QueryClient, data: string) {
  let event;
  try {
    event = publicationChangeEventSchema.parse(JSON.parse(data));
  } catch {
    return;
  }
  putPublicationInCache(client, event.publication);
}

/**
 * Keeps the open page current: listens to the server's change stream and updates the
 * affected queries. The browser reconnects by itself after a dropped connection; if it gives
 * up (say, the server answered with an error while restarting), this reconnects with backoff.
 * After any reconnection every story query is refetched, since changes may have been missed.
 */
export function useLiveUpdates() {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let missedSome = false;

    const connect = () => {
      source = new EventSource('/api/changes');
      source.addEventListener('ready', () => {
        failures = 0;
        if (!missedSome) return;
        missedSome = false;
        // The story parts ask what changed since their version; the rest is read again.
        void client.invalidateQueries({
          queryKey: storyQueries.all(),
          predicate: (q) => !isStoryPartQuery(q.queryKey),
        });
        catchUpStories(client);
        void client.invalidateQueries({ queryKey: claimQueries.all() });
        void client.invalidateQueries({ queryKey: publicationQueries.all() });
      });
      source.addEventListener('verdict', (event) => applyVerdictChange(client, (event as MessageEvent<string>).data));
      source.addEventListener('coverage', (event) => applyCoverageChange(client, (event as MessageEvent<string>).data));
      // A story created, edited, archived, pinned or imported: its list and its bundle.
      source.addEventListener('story', () => void client.invalidateQueries({ queryKey: storyQueries.all() }));
      source.addEventListener('event', (event) => applyEventChange(client, (event as MessageEvent<string>).data));
      source.addEventListener('publication', (event) =>
        applyPublicationChange(client, (event as MessageEvent<string>).data),
      );
      source.addEventListener('error', () => {
        missedSome = true;
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        failures += 1;
        retryTimer = setTimeout(connect, Math.min(MAX_RETRY_MS, 500 * 2 ** failures));
      });
    };
    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [client]);
}
