import { afterEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, testStore } from '../store-test-kit';
import type { Database } from './database-schema';
import type { SqlStore } from './sql-store';

/**
 * The columns of each table as database-schema.ts types them. The type check keeps this list
 * and the types equal (a column missing on either side does not compile); the test below
 * keeps both equal to what the migrations really create, on each engine.
 */
const COLUMNS = {
  outlets: ['rowid', 'id', 'name', 'aliases', 'kind', 'url'],
  actors: ['rowid', 'id', 'name', 'kind', 'description'],
  stories: ['rowid', 'id', 'title', 'summary', 'notes', 'version', 'archived', 'pinned', 'changed_at'],
  articles: [
    'rowid',
    'id',
    'story',
    'outlet',
    'title',
    'published_date',
    'published_basis',
    'source_file',
    'source_url',
    'body',
    'paragraphs',
    'sentences',
    'provenance',
    'furniture',
    'version',
    'removed_at',
    'text_version',
  ],
  claims: [
    'rowid',
    'id',
    'story',
    'text',
    'topic',
    'verdict_status',
    'verdict_note',
    'verdict_evidence',
    'verdict_editor',
    'verdict_at',
    'verdict_version',
    'basis',
    'merged_into',
    'removed_at',
    'evidence_reviewed_through',
  ],
  mentions: ['rowid', 'id', 'story', 'claim', 'article', 'stance', 'attribution', 'support', 'basis', 'version'],
  spans: ['mention', 'ordinal', 'story', 'article', 'start', 'end', 'exact', 'prefix', 'suffix'],
  events: [
    'rowid',
    'id',
    'story',
    'title',
    'kind',
    'format',
    'status',
    'date_precision',
    'date_start',
    'date_end',
    'date_basis',
    'date_derived_from',
    'participants',
    'mentions',
    'date_record',
    'related',
    'version',
  ],
  passages: ['rowid', 'id', 'story', 'text', 'spans'],
  accounts: ['username', 'role', 'password_hash', 'created_at'],
  sessions: ['token_hash', 'username', 'created_at', 'expires_at'],
  verdict_audit: [
    'id',
    'claim',
    'story',
    'version',
    'editor',
    'at',
    'from_status',
    'from_note',
    'from_evidence',
    'to_status',
    'to_note',
    'to_evidence',
    'action',
    'conflict_version',
  ],
  security_log: ['id', 'at', 'kind', 'username', 'address', 'detail', 'occurrences', 'last_at', 'fingerprint'],
  security_log_prunes: ['id', 'at', 'cutoff', 'removed', 'pruned_by'],
  sign_in_throttle: ['key', 'failures', 'last_at'],
  suggestion_rejections: ['rowid', 'article', 'claim', 'sentence_start', 'editor', 'at'],
  change_log: ['id', 'at', 'payload'],
  article_archives: ['article', 'url', 'fetched_at', 'content_type', 'content'],
  story_versions: ['story', 'epoch', 'version'],
  story_changes: ['id', 'story', 'version', 'entity', 'item', 'claim', 'article'],
  topic_versions: ['story', 'name', 'version'],
  audit: [
    'id',
    'story',
    'object_kind',
    'object_id',
    'related',
    'version',
    'action',
    'editor',
    'at',
    'before_json',
    'after_json',
    'undoes',
  ],
  publications: ['claim', 'story', 'state', 'version', 'editor', 'at', 'verdict_version', 'first_published_at'],
  publication_audit: ['id', 'claim', 'story', 'version', 'editor', 'at', 'from_state', 'to_state', 'verdict_version'],
  imported_annotations: ['mention', 'story', 'annotation', 'creator', 'created', 'imported_by', 'imported_at'],
  article_versions: [
    'article',
    'version',
    'story',
    'title',
    'body',
    'paragraphs',
    'sentences',
    'editor',
    'at',
    'kept',
    'changed',
    'unanchored',
  ],
  span_changes: [
    'id',
    'article',
    'version',
    'story',
    'mention',
    'claim',
    'ordinal',
    'status',
    'before_anchor',
    'after_anchor',
  ],
  evidence_changes: ['id', 'claim', 'story', 'kind', 'mention', 'article', 'article_version', 'at'],
} as const satisfies { [T in keyof Database]: readonly (keyof Database[T])[] };

type Unlisted = { [T in keyof Database]: Exclude<keyof Database[T], (typeof COLUMNS)[T][number]> }[keyof Database];
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;

describe.each(STORE_ENGINES)('the typed schema on %s', (engine) => {
  let store: SqlStore;
  afterEach(async () => {
    await store.close();
  });

  it('has exactly the tables and columns the migrations create', async () => {
    expect(everyColumnListed).toBe(true);
    store = await testStore(engine);
    const tables = await store.sql.db.introspection.getTables();
    const actual = Object.fromEntries(
      tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
    );
    // SQLite's rowid is implicit: it is there without being a declared column.
    const expected = Object.fromEntries(
      Object.entries(COLUMNS).map(([table, columns]) => [
        table,
        [...columns].filter((column) => engine === 'postgres' || column !== 'rowid').sort(),
      ]),
    );
    expect(actual).toEqual(expected);
  });
});
