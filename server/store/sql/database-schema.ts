import type { Generated } from 'kysely';
import type { ImportedAnnotationsTable, PublicationAuditTable, PublicationsTable } from './publication-tables';

/**
 * The tables as both engines store them, for the typed query builder. Kept beside the
 * migrations (server/store/sql/migrations.ts): a column added there is added here, and the
 * store contract suite, run against both engines, catches a mismatch on the first query.
 * Vocabularies (roles, stances…) and JSON columns are stored as text and validated by the
 * domain schemas when read, so a row never reaches the app unchecked.
 */
export type Database = {
  outlets: OutletsTable;
  actors: ActorsTable;
  stories: StoriesTable;
  articles: ArticlesTable;
  claims: ClaimsTable;
  mentions: MentionsTable;
  spans: SpansTable;
  events: EventsTable;
  passages: PassagesTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  verdict_audit: VerdictAuditTable;
  security_log: SecurityLogTable;
  security_log_prunes: SecurityLogPrunesTable;
  sign_in_throttle: SignInThrottleTable;
  suggestion_rejections: SuggestionRejectionsTable;
  change_log: ChangeLogTable;
  article_archives: ArticleArchivesTable;
  topic_versions: TopicVersionsTable;
  audit: AuditTable;
  story_versions: StoryVersionsTable;
  story_changes: StoryChangesTable;
  publications: PublicationsTable;
  publication_audit: PublicationAuditTable;
  imported_annotations: ImportedAnnotationsTable;
  article_versions: ArticleVersionsTable;
  span_changes: SpanChangesTable;
  evidence_changes: EvidenceChangesTable;
};

/** A story's version, bumped by the database on every change to the story's rows. */
export type StoryVersionsTable = { story: string; epoch: string; version: number };

/** The rows each story version changed: table, primary key, and the claim and article they belong to. */
export type StoryChangesTable = {
  id: Generated<number>;
  story: string;
  version: number;
  entity: string;
  item: string;
  claim: string | null;
  article: string | null;
};

export type ChangeLogTable = {
  id: Generated<number>;
  /** Milliseconds since the epoch; rows older than a few minutes are removed. */
  at: number;
  /** The change as JSON, as the change stream sends it. */
  payload: string;
};

/**
 * Insertion order: SQLite's implicit rowid, an identity column of the same name on
 * PostgreSQL. Never written by Parallax; lists read in this order.
 */
type InsertionOrder = { rowid: Generated<number> };

export type OutletsTable = InsertionOrder & {
  id: string;
  name: string;
  /** JSON array of strings. */
  aliases: string;
  kind: string;
  url: string | null;
};

export type ActorsTable = InsertionOrder & { id: string; name: string; kind: string; description: string };

export type StoriesTable = InsertionOrder & {
  id: string;
  title: string;
  summary: string;
  /** JSON array of research notes, or null when the story has none. */
  notes: string | null;
  /** The story's version (its ETag), archived and pinned (0 or 1), and when it last changed. */
  version: Generated<number>;
  archived: Generated<number>;
  pinned: Generated<number>;
  changed_at: string | null;
};

export type ArticlesTable = InsertionOrder & {
  id: string;
  story: string;
  outlet: string;
  title: string;
  published_date: string;
  published_basis: string;
  source_file: string | null;
  source_url: string | null;
  body: string;
  /** JSON arrays of character ranges. */
  paragraphs: string;
  sentences: string;
  /** Where the text was taken from, when the corpus says so. */
  provenance: string | null;
  /** JSON array of page furniture (captions, pull-quotes, credits), or null. */
  furniture: string | null;
  /** The metadata's version (its ETag); when the article was removed, or null while it is in. */
  version: Generated<number>;
  removed_at: string | null;
  /** The current version of the text (the versions list's ETag): 1 until a new version is stored. */
  text_version: Generated<number>;
};

export type ClaimsTable = InsertionOrder & {
  id: string;
  story: string;
  text: string;
  topic: string;
  verdict_status: string;
  verdict_note: string;
  /** JSON array of evidence references. */
  verdict_evidence: Generated<string>;
  verdict_editor: string | null;
  verdict_at: string | null;
  verdict_version: number;
  /** Why the claim is worded as it is, when the corpus says so. */
  basis: string | null;
  /** The claim this duplicate was merged into; links to it lead there. */
  merged_into: Generated<string | null>;
  /** When an editor removed the claim (kept, hidden, restorable); null while it is live. */
  removed_at: Generated<string | null>;
  /** The last evidence change (evidence_changes.id) an editor reviewed; 0 for none. */
  evidence_reviewed_through: Generated<number>;
};

export type MentionsTable = InsertionOrder & {
  id: string;
  story: string;
  claim: string;
  article: string;
  stance: string;
  /** JSON attribution chain. */
  attribution: string;
  /** How fully the text supports the claim, or null when it is not stated. */
  support: string | null;
  /** JSON basis of the attribution, or null. */
  basis: string | null;
  /** Raised by every accepted change of the mention: its ETag. */
  version: Generated<number>;
};

export type SpansTable = {
  mention: string;
  ordinal: number;
  story: string;
  article: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

export type EventsTable = InsertionOrder & {
  id: string;
  story: string;
  title: string;
  kind: string;
  format: string;
  status: string;
  date_precision: string;
  date_start: string;
  date_end: string;
  date_basis: string;
  /** JSON `{ article, phrase }`, or null for a date the corpus states. */
  date_derived_from: string | null;
  /** JSON arrays of ids. */
  participants: string;
  mentions: string;
  /** The day on record, when the coverage's phrase names another. */
  date_record: string | null;
  /** JSON array of `{ event, note }`, or null. */
  related: string | null;
  /** Counts accepted changes from 1; the event's ETag. */
  version: Generated<number>;
};

export type PassagesTable = InsertionOrder & { id: string; story: string; text: string; spans: string };

export type AccountsTable = { username: string; role: string; password_hash: string; created_at: string };

export type SessionsTable = { token_hash: string; username: string; created_at: string; expires_at: number };

export type VerdictAuditTable = {
  id: Generated<number>;
  claim: string;
  story: string;
  version: number;
  editor: string;
  at: string;
  from_status: string;
  from_note: string;
  from_evidence: string;
  to_status: string;
  to_note: string;
  to_evidence: string;
  /** Null for a change of the verdict; `evidence_reviewed` for a review of changed evidence. */
  action: string | null;
  /** The other editor's version this change was saved over after a conflict; null without one. */
  conflict_version: number | null;
};

export type SecurityLogTable = {
  id: Generated<number>;
  /** When the event (or the first of an aggregated run) happened. */
  at: string;
  kind: string;
  username: string | null;
  address: string | null;
  detail: string;
  /** How many identical events this row stands for, within its time window. */
  occurrences: Generated<number>;
  /** When the last of them happened; null for a single event. */
  last_at: string | null;
  /** Identifies identical refusals within one window; null for events that are never aggregated. */
  fingerprint: string | null;
};

export type SecurityLogPrunesTable = {
  id: Generated<number>;
  at: string;
  /** Entries last seen before this instant were removed. */
  cutoff: string;
  removed: number;
  pruned_by: string;
};

export type SignInThrottleTable = {
  /** `account:<name>@<address>` or `address:<address>`. */
  key: string;
  failures: number;
  /** Milliseconds since the epoch. */
  last_at: number;
};

export type SuggestionRejectionsTable = InsertionOrder & {
  article: string;
  claim: string;
  sentence_start: number;
  editor: string;
  at: string;
};

/** A topic's version (its ETag) once it has been renamed; a topic without a row is at version 1. */
export type TopicVersionsTable = { story: string; name: string; version: number };

/**
 * Append-only: one row per accepted change made at the desk, of a story, an article, a claim, a
 * mention, a topic, an actor or an event, in the order the changes were made.
 */
export type AuditTable = {
  id: Generated<number>;
  story: string;
  /** What changed: story, article, claim, mention, topic, actor or event; with its id. */
  object_kind: string;
  object_id: string;
  /** Another object the change touched (the claim of a mention, the claim a merge went into), or null. */
  related: string | null;
  /** The object's version after the change (for a removal, the version the removal has). */
  version: number;
  action: string;
  editor: string;
  at: string;
  /** JSON of the object (or the changed fields) before and after; null for none. */
  before_json: string | null;
  after_json: string | null;
  /** The entry this one undid. */
  undoes: number | null;
};

/** The page an article was fetched from, as received. */
export type ArticleArchivesTable = {
  article: string;
  url: string;
  fetched_at: string;
  content_type: string;
  content: string;
};

/** Every version of an article once it has more than one; the current text is also in articles. */
export type ArticleVersionsTable = {
  article: string;
  version: number;
  story: string;
  title: string;
  body: string;
  /** JSON arrays of character ranges. */
  paragraphs: string;
  sentences: string;
  /** Null for the first version, stored with the article. */
  editor: string | null;
  at: string | null;
  /** How the evidence spans fared when the version arrived. */
  kept: number;
  changed: number;
  unanchored: number;
};

/** A span that a new version changed or left without a place, with its old and new anchor. */
export type SpanChangesTable = {
  id: Generated<number>;
  article: string;
  version: number;
  story: string;
  mention: string;
  claim: string;
  ordinal: number;
  status: string;
  /** JSON span anchors; after is null for an unanchored span. */
  before_anchor: string;
  after_anchor: string | null;
};

/** Something that changed a claim's evidence: a changed or unanchored span, or new coverage. */
export type EvidenceChangesTable = {
  id: Generated<number>;
  claim: string;
  story: string;
  kind: string;
  mention: string;
  article: string;
  article_version: number | null;
  at: string;
};
