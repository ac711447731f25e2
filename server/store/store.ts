import { z } from 'zod';
import type {
  Actor,
  Article,
  Mention,
  Outlet,
  Passage,
  AuditEntry,
  Claim,
  Role,
  StoryBundle,
  StorySummary,
  VerdictContent,
} from '@/domain/schemas';
import type { Corpus } from '../corpus/load-corpus';
import type { ArchiveStore, ArticleArchive } from './archive-store';
import type { ArticleVersionStore } from './article-version-store';
import type { ClaimDeskStore } from './claim-desk-store';
import type { EventDeskStore } from './event-desk-store';
import type { PublicationStore } from './publication-store';
import type { StoryDeskStore } from './story-desk-store';
import type { StoryOverviewStore } from './story-overview-store';
import type { StoryVersionStore } from './story-version-store';

/** What a seeding added: rows that were missing. Existing rows are never overwritten. */
export type SeedReport = {
  stories: number;
  articles: number;
  claims: number;
  mentions: number;
  events: number;
};

export type Account = {
  username: string;
  role: Role;
  /** A self-describing password hash (see server/auth/password.ts); never the password. */
  passwordHash: string;
  createdAt: string;
};

export type AccountSummary = Omit<Account, 'passwordHash'>;

/** A signed-in session, stored under a hash of its token so a copy of the database signs no one in. */
export type SessionRecord = {
  tokenHash: string;
  username: string;
  createdAt: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
};

export type ActiveSession = { username: string; role: Role; expiresAt: number };

export type VerdictUpdate = {
  claimId: string;
  /** The version the editor's change is based on; any other current version refuses the change. */
  expectedVersion: number;
  content: VerdictContent;
  editor: string;
  at: string;
  /** Set when the editor saw this version in a conflict (a refused save) and saved over it knowingly. */
  conflictWith?: number;
};

export type VerdictUpdateResult =
  { kind: 'updated'; claim: Claim; entry: AuditEntry } | { kind: 'stale'; claim: Claim } | { kind: 'not_found' };

export const securityEventKindSchema = z.enum([
  'signed_in',
  'signed_out',
  'sign_in_failed',
  'sign_in_throttled',
  'change_refused',
  'log_pruned',
]);
export type SecurityEventKind = z.infer<typeof securityEventKindSchema>;

export type SecurityEventInput = {
  kind: SecurityEventKind;
  at: string;
  username: string | null;
  address: string | null;
  /** What was refused and why, for whoever reads the log. */
  detail: string;
  /**
   * Identical events (kind, name, address, detail) within one window of this many
   * milliseconds share one entry; omitted for events that are each worth a row.
   */
  aggregateMs?: number;
};

export type SecurityEvent = Omit<SecurityEventInput, 'aggregateMs'> & {
  id: number;
  /** How many identical events the entry stands for, and when the last was. */
  occurrences: number;
  lastAt: string;
};

/** Stories and their coverage: articles, claims, mentions, events, shared passages. */
export interface StoryStore {
  listStories(): Promise<StorySummary[]>;
  getStoryBundle(storyId: string): Promise<StoryBundle | null>;
  getArticle(articleId: string): Promise<Article | null>;
  /** Adds whatever of the corpus is missing; idempotent, and never touches rows that exist. */
  seed(corpus: Corpus): Promise<SeedReport>;
  /** Every outlet and actor Parallax knows, for recognizing names in new coverage. */
  listOutlets(): Promise<Outlet[]>;
  listActors(): Promise<Actor[]>;
  /** A story's articles with their text. */
  listStoryArticles(storyId: string): Promise<Article[]>;
  /**
   * Adds an article, its outlet when new, and the story's recomputed shared passages, all or
   * nothing; 'exists' (and no change) when the article id is taken.
   */
  addArticle(input: NewArticle): Promise<'added' | 'exists'>;
  /** Replaces a story's shared passages, all at once. */
  replacePassages(storyId: string, passages: Passage[]): Promise<void>;
  /**
   * Adds a mention with its spans; 'exists' when the id is taken. Given `at`, a claim that has
   * a verdict is flagged as having new coverage since it.
   */
  addMention(mention: Mention, at?: string): Promise<'added' | 'exists'>;
  addClaim(claim: Claim): Promise<'added' | 'exists'>;
  /** Records that a sentence does not carry a claim, so it is not suggested again. */
  rejectSuggestion(rejection: SuggestionRejection): Promise<void>;
  listRejectedSuggestions(articleId: string): Promise<{ claim: string; sentenceStart: number }[]>;
}

/** Editorial verdicts and their append-only history. */
export interface VerdictStore {
  getClaim(claimId: string): Promise<Claim | null>;
  /** The ids of the mentions of a claim, which a verdict may cite as evidence. */
  listClaimMentionIds(claimId: string): Promise<string[]>;
  /**
   * Changes a verdict only if its version is still `expectedVersion`, and records the audit
   * entry with it: both or neither, atomically, so concurrent editors never overwrite each other.
   */
  updateVerdict(update: VerdictUpdate): Promise<VerdictUpdateResult>;
  /** The accepted changes of a claim's verdict, oldest first. Entries are never changed or removed. */
  listVerdictHistory(claimId: string): Promise<AuditEntry[]>;
}

/** Editor accounts, their sessions, and the sign-in throttle every process shares. */
export interface AccountStore {
  /** Adds an account; 'exists' (and no change) when the name is taken. */
  createAccount(account: Account): Promise<'created' | 'exists'>;
  getAccount(username: string): Promise<Account | null>;
  listAccounts(): Promise<AccountSummary[]>;
  /** Changes role and/or password hash; false when there is no such account. */
  updateAccount(username: string, changes: { role?: Role; passwordHash?: string }): Promise<boolean>;
  /** Removes an account and ends its sessions; what it did stays in the audit history. */
  deleteAccount(username: string): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  /** The session's account as it is now, or null when the session is unknown or expired at `now`. */
  findSession(tokenHash: string, now: number): Promise<ActiveSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(username: string): Promise<number>;
  /** Forgets sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: number): Promise<number>;

  /**
   * One sign-in attempt against every rule at once: refused (nothing counted) while any rule's
   * delay runs, otherwise counted as a failure in advance, atomically, so parallel guesses
   * through any number of processes cannot slip past.
   */
  takeSignInAttempt(rules: readonly ThrottleRule[], now: number): Promise<ThrottleDecision>;
  /** After a right password: clears the keys in `reset`, takes back the advance count of `forgive`. */
  settleSignInAttempt(settle: { reset: readonly string[]; forgive: readonly string[] }): Promise<void>;
}

/** The security log: bounded, aggregated, pruned only on the record. */
export interface SecurityLogStore {
  /**
   * Appends to the security log (sign-ins, failed sign-ins, refused changes). What the client
   * sent is cut to a bounded length, and an event with an `aggregate` window joins an identical
   * one of the same window instead of adding a row.
   */
  logSecurityEvent(event: SecurityEventInput): Promise<void>;
  listSecurityEvents(): Promise<SecurityEvent[]>;
  /** Removes entries last seen before `cutoff`, recording the prune (who, when, how many) in the same transaction. */
  pruneSecurityLog(prune: { cutoff: string; at: string; by: string }): Promise<number>;
  listSecurityLogPrunes(): Promise<{ at: string; cutoff: string; removed: number; by: string }[]>;
}

/**
 * Accepted changes passed between the processes sharing a database, for their live updates.
 * Only a server database has notifications: on SQLite, `listenForChanges` answers null and
 * each process's change feed stays its own.
 */
export interface ChangeLogStore {
  /** Records a change and notifies every listening process when the transaction commits. */
  appendChange(payload: string, at: number): Promise<void>;
  /** Calls `onChange` with each change any process appends, in commit order; resolves to the stop function. */
  listenForChanges(onChange: (payload: string) => void): Promise<(() => Promise<void>) | null>;
}

/**
 * Where Parallax keeps its data: SQLite in one file by default, or a PostgreSQL server that
 * several processes share. Asynchronous so that either can stand behind it.
 */
export interface Store
  extends
    StoryStore,
    VerdictStore,
    AccountStore,
    SecurityLogStore,
    ChangeLogStore,
    ClaimDeskStore,
    EventDeskStore,
    StoryVersionStore,
    StoryDeskStore,
    PublicationStore,
    StoryOverviewStore,
    ArchiveStore,
    ArticleVersionStore {
  readonly engine: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** A key's limit: failures it may have before each further attempt waits a growing delay. */
export type ThrottleRule = { key: string; freeFailures: number };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** `passages: null` leaves the story's shared passages as they are (a batch replaces them at its end). */
export type NewArticle = {
  article: Article;
  newOutlet: Outlet | null;
  passages: Passage[] | null;
  /** The page it was fetched from, stored with it. */
  archive?: ArticleArchive | null;
};

export type SuggestionRejection = {
  article: string;
  claim: string;
  sentenceStart: number;
  editor: string;
  at: string;
};

export function emptySeedReport(): SeedReport {
  return { stories: 0, articles: 0, claims: 0, mentions: 0, events: 0 };
}

/** The editable part of a stored verdict, with evidence read as none when it was never recorded. */
export function verdictContentOf(claim: Claim): VerdictContent {
  return { status: claim.verdict.status, note: claim.verdict.note, evidence: claim.verdict.evidence ?? [] };
}
