import type { Context } from 'hono';
import type { CorpusProblem, SessionUser } from '@/domain/schemas';
import { socketAddress } from '../http/client-address';
import { createInProcessAnalyser, type ArticleAnalyser } from '../ingest/article-analyser';
import { createPageFetcher, type PageFetcher } from '../ingest/fetch-page';
import { createSuggestionCache, type SuggestionCache } from '../ingest/suggestion-cache';
import type { Store } from '../store/store';
import { createChangeFeed, type ChangeFeed } from './change-feed';
import { createStoryReadCache, type StoryReadCache } from './story-read-cache';

export type ApiEnv = {
  Variables: {
    /** Who is signed in for this request, or null. */
    user: SessionUser | null;
    /** The hash of the session token the request carried, when it named a live session. */
    sessionTokenHash: string | null;
  };
};

export type ApiContext = Context<ApiEnv>;

/** Everything the API depends on besides the store; each can be replaced in tests. */
export type ApiOptions = {
  now?: () => Date;
  changes?: ChangeFeed;
  /** The address a request came from, for sign-in limits and the security log (see client-address.ts). */
  clientAddress?: (c: Context) => string;
  sessionTtlMs?: number;
  /** How often the change stream sends a comment to keep proxies from closing it. */
  heartbeatMs?: number;
  /**
   * The origins (scheme, host, port) this server is reached under, which state-changing
   * requests must come from; null compares with the origin each request was addressed to.
   */
  publicOrigins?: () => readonly string[] | null;
  /** How many change streams may be open at once. */
  maxChangeStreams?: number;
  /** How many changes a stream may hold unsent for a client that is not reading, before it is dropped. */
  maxQueuedChanges?: number;
  /** Where articles are normalized and analysed: the server's worker pool; in-process by default. */
  analyser?: ArticleAnalyser;
  /** Analyses and suggestions per article and story version. */
  suggestions?: SuggestionCache;
  /** Fetches pages added by their address; public addresses only unless configured (PARALLAX_FETCH_ALLOW). */
  pageFetcher?: PageFetcher;
  /** The corpus story folders that did not load at start, each left out with its file and field. */
  corpusProblems?: readonly CorpusProblem[];
  /** Who publishes the verdicts and where (see server/config.ts); unset parts read as the request's origin. */
  desk?: DeskSettings;
  /** The overview and whole-story reads kept serialized and gzipped per story version. */
  storyReads?: StoryReadCache;
};

/** The desk that publishes verdicts: the ClaimReview author, and where its pages are. */
export type DeskSettings = { name: string; url: string | null; publishedUrl: string | null };

export type ApiDeps = Required<ApiOptions> & { store: Store };

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60_000;

export function resolveApiDeps(store: Store, options: ApiOptions = {}): ApiDeps {
  const now = options.now ?? (() => new Date());
  return {
    store,
    now,
    changes: options.changes ?? createChangeFeed(),
    clientAddress: options.clientAddress ?? socketAddress,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    publicOrigins: options.publicOrigins ?? (() => null),
    maxChangeStreams: options.maxChangeStreams ?? 500,
    maxQueuedChanges: options.maxQueuedChanges ?? 500,
    analyser: options.analyser ?? createInProcessAnalyser(),
    suggestions: options.suggestions ?? createSuggestionCache(),
    pageFetcher: options.pageFetcher ?? createPageFetcher(),
    corpusProblems: options.corpusProblems ?? [],
    desk: options.desk ?? { name: 'Parallax', url: null, publishedUrl: null },
    storyReads: options.storyReads ?? createStoryReadCache(),
  };
}
