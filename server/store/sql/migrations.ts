import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { EngineKind } from './engine';

/** What the two engines spell differently in a schema; everything else is written once. */
type Ddl = {
  /** A leading insertion-order column: SQLite has one implicitly. */
  rowid: string;
  /** An integer key the database assigns. */
  serialId: string;
  /** Statements that make the database itself refuse UPDATE and DELETE of a table's rows. */
  appendOnly(table: string, noun: string): string[];
  /** Statements that take those guards off a table again, before it is dropped. */
  dropAppendOnly(table: string): string[];
};

const DDL: Record<EngineKind, Ddl> = {
  sqlite: {
    rowid: '',
    serialId: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    appendOnly: (table, noun) => [
      `CREATE TRIGGER ${table}_is_append_only_update BEFORE UPDATE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${noun} cannot be changed'); END`,
      `CREATE TRIGGER ${table}_is_append_only_delete BEFORE DELETE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${noun} cannot be deleted'); END`,
    ],
    dropAppendOnly: (table) => [
      `DROP TRIGGER IF EXISTS ${table}_is_append_only_update`,
      `DROP TRIGGER IF EXISTS ${table}_is_append_only_delete`,
    ],
  },
  postgres: {
    rowid: 'rowid BIGINT GENERATED ALWAYS AS IDENTITY,',
    serialId: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    appendOnly: (table, noun) => [
      `CREATE OR REPLACE FUNCTION parallax_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION '% cannot be %', TG_ARGV[0], CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END;
       END $$`,
      `CREATE TRIGGER ${table}_is_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION parallax_refuse_change('${noun}')`,
      `CREATE TRIGGER ${table}_is_never_truncated BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION parallax_refuse_change('${noun}')`,
    ],
    dropAppendOnly: (table) => [
      `DROP TRIGGER IF EXISTS ${table}_is_append_only ON ${table}`,
      `DROP TRIGGER IF EXISTS ${table}_is_never_truncated ON ${table}`,
    ],
  },
};

type Step = { name: string; statements: (d: Ddl, kind: EngineKind) => string[] };

/**
 * The schema, step by step. Append new steps; never edit one that has shipped. The first four
 * are the steps SQLite desks ran before the shared SQL layer (PRAGMA user_version 1–4).
 */
const STEPS: readonly Step[] = [
  {
    name: '0001-stories',
    statements: (d) => [
      `CREATE TABLE outlets (${d.rowid} id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL,
        kind TEXT NOT NULL, url TEXT)`,
      `CREATE TABLE actors (${d.rowid} id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
        description TEXT NOT NULL)`,
      `CREATE TABLE stories (${d.rowid} id TEXT PRIMARY KEY, title TEXT NOT NULL, summary TEXT NOT NULL)`,
      `CREATE TABLE articles (${d.rowid}
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL REFERENCES stories(id),
        outlet TEXT NOT NULL REFERENCES outlets(id),
        title TEXT NOT NULL,
        published_date TEXT NOT NULL,
        published_basis TEXT NOT NULL,
        source_file TEXT,
        source_url TEXT,
        body TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        sentences TEXT NOT NULL)`,
      'CREATE INDEX articles_by_story ON articles(story)',
      `CREATE TABLE claims (${d.rowid}
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL REFERENCES stories(id),
        text TEXT NOT NULL,
        topic TEXT NOT NULL,
        verdict_status TEXT NOT NULL,
        verdict_note TEXT NOT NULL,
        verdict_editor TEXT,
        verdict_at TEXT,
        verdict_version INTEGER NOT NULL)`,
      'CREATE INDEX claims_by_story ON claims(story)',
      `CREATE TABLE mentions (${d.rowid}
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL REFERENCES stories(id),
        claim TEXT NOT NULL REFERENCES claims(id),
        article TEXT NOT NULL REFERENCES articles(id),
        stance TEXT NOT NULL,
        attribution TEXT NOT NULL)`,
      'CREATE INDEX mentions_by_story ON mentions(story)',
      'CREATE INDEX mentions_by_claim ON mentions(claim)',
      `CREATE TABLE spans (
        mention TEXT NOT NULL REFERENCES mentions(id),
        ordinal INTEGER NOT NULL,
        story TEXT NOT NULL REFERENCES stories(id),
        article TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        PRIMARY KEY (mention, ordinal))`,
      'CREATE INDEX spans_by_story ON spans(story)',
      `CREATE TABLE events (${d.rowid}
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL REFERENCES stories(id),
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        format TEXT NOT NULL,
        status TEXT NOT NULL,
        date_precision TEXT NOT NULL,
        date_start TEXT NOT NULL,
        date_end TEXT NOT NULL,
        date_basis TEXT NOT NULL,
        participants TEXT NOT NULL,
        mentions TEXT NOT NULL)`,
      'CREATE INDEX events_by_story ON events(story)',
      `CREATE TABLE passages (${d.rowid}
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL REFERENCES stories(id),
        text TEXT NOT NULL,
        spans TEXT NOT NULL)`,
      'CREATE INDEX passages_by_story ON passages(story)',
    ],
  },
  { name: '0002-event-derived-from', statements: () => ['ALTER TABLE events ADD COLUMN date_derived_from TEXT'] },
  {
    // Editorial verdicts: evidence, accounts, sessions, the audit history and the security log.
    name: '0003-editorial',
    statements: (d) => [
      `ALTER TABLE claims ADD COLUMN verdict_evidence TEXT NOT NULL DEFAULT '[]'`,
      `CREATE TABLE accounts (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL)`,
      `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at BIGINT NOT NULL)`,
      'CREATE INDEX sessions_by_username ON sessions(username)',
      `CREATE TABLE verdict_audit (
        id ${d.serialId},
        claim TEXT NOT NULL REFERENCES claims(id),
        story TEXT NOT NULL,
        version INTEGER NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        from_status TEXT NOT NULL,
        from_note TEXT NOT NULL,
        from_evidence TEXT NOT NULL,
        to_status TEXT NOT NULL,
        to_note TEXT NOT NULL,
        to_evidence TEXT NOT NULL,
        UNIQUE (claim, version))`,
      ...d.appendOnly('verdict_audit', 'audit entries'),
      `CREATE TABLE security_log (
        id ${d.serialId},
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        username TEXT,
        address TEXT,
        detail TEXT NOT NULL)`,
      ...d.appendOnly('security_log', 'security log entries'),
    ],
  },
  {
    name: '0004-suggestion-rejections',
    statements: (d) => [
      `CREATE TABLE suggestion_rejections (${d.rowid}
        article TEXT NOT NULL REFERENCES articles(id),
        claim TEXT NOT NULL REFERENCES claims(id),
        sentence_start INTEGER NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (article, claim, sentence_start))`,
    ],
  },
  {
    // A bounded security log: identical refusals in one window share a row (its count and last
    // time may grow, nothing else may change), and entries may only be removed up to the cutoff
    // of a recorded prune, so every removal is itself on record. Sign-in throttling moves into
    // the database so that every process sharing it applies the same limits.
    name: '0005-bounded-security-log-and-throttle',
    statements: (d, kind) => [
      'ALTER TABLE security_log ADD COLUMN occurrences INTEGER NOT NULL DEFAULT 1',
      'ALTER TABLE security_log ADD COLUMN last_at TEXT',
      'ALTER TABLE security_log ADD COLUMN fingerprint TEXT',
      'CREATE UNIQUE INDEX security_log_by_fingerprint ON security_log(fingerprint)',
      `CREATE TABLE security_log_prunes (
        id ${d.serialId},
        at TEXT NOT NULL,
        cutoff TEXT NOT NULL,
        removed INTEGER NOT NULL,
        pruned_by TEXT NOT NULL,
        CHECK (cutoff <= at))`,
      ...d.appendOnly('security_log_prunes', 'prune records'),
      ...(kind === 'sqlite'
        ? [
            'DROP TRIGGER security_log_is_append_only_update',
            'DROP TRIGGER security_log_is_append_only_delete',
            `CREATE TRIGGER security_log_is_append_only_update
             BEFORE UPDATE OF id, at, kind, username, address, detail, fingerprint ON security_log
             BEGIN SELECT RAISE(ABORT, 'security log entries cannot be changed'); END`,
            `CREATE TRIGGER security_log_is_pruned_only_delete BEFORE DELETE ON security_log
             WHEN coalesce(OLD.last_at, OLD.at) >= coalesce((SELECT max(cutoff) FROM security_log_prunes), '')
             BEGIN SELECT RAISE(ABORT, 'security log entries cannot be deleted'); END`,
          ]
        : [
            'DROP TRIGGER security_log_is_append_only ON security_log',
            `CREATE OR REPLACE FUNCTION parallax_guard_security_log() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'UPDATE' THEN
                 IF (NEW.id, NEW.at, NEW.kind, NEW.username, NEW.address, NEW.detail, NEW.fingerprint)
                    IS DISTINCT FROM (OLD.id, OLD.at, OLD.kind, OLD.username, OLD.address, OLD.detail, OLD.fingerprint)
                 THEN RAISE EXCEPTION 'security log entries cannot be changed'; END IF;
                 RETURN NEW;
               END IF;
               IF coalesce(OLD.last_at, OLD.at) >= coalesce((SELECT max(cutoff) FROM security_log_prunes), '')
               THEN RAISE EXCEPTION 'security log entries cannot be deleted'; END IF;
               RETURN OLD;
             END $$`,
            `CREATE TRIGGER security_log_is_append_only BEFORE UPDATE OR DELETE ON security_log
             FOR EACH ROW EXECUTE FUNCTION parallax_guard_security_log()`,
          ]),
      `CREATE TABLE sign_in_throttle (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_at BIGINT NOT NULL)`,
    ],
  },
  {
    // Accepted changes, briefly, for the live updates of the other processes sharing the database.
    name: '0006-change-log',
    statements: (d) => [
      `CREATE TABLE change_log (id ${d.serialId}, at BIGINT NOT NULL, payload TEXT NOT NULL)`,
      'CREATE INDEX change_log_by_time ON change_log(at)',
    ],
  },
  {
    // What the curated data says about its own basis: research notes, article provenance and page
    // furniture, a claim's and a mention's basis, a mention's support, an event date's record day
    // and related events. JSON (or text) when present, NULL when absent, so a stored item reads
    // back exactly as it was given.
    name: '0007-basis-and-provenance',
    statements: () => [
      'ALTER TABLE stories ADD COLUMN notes TEXT',
      'ALTER TABLE claims ADD COLUMN basis TEXT',
      'ALTER TABLE articles ADD COLUMN provenance TEXT',
      'ALTER TABLE articles ADD COLUMN furniture TEXT',
      'ALTER TABLE mentions ADD COLUMN support TEXT',
      'ALTER TABLE mentions ADD COLUMN basis TEXT',
      'ALTER TABLE events ADD COLUMN date_record TEXT',
      'ALTER TABLE events ADD COLUMN related TEXT',
    ],
  },
  {
    // Stories and articles edited in the app: a version per object (its ETag), archived and
    // pinned stories, the time of a story's last change, articles removed (kept, restorable),
    // and the append-only history of these changes.
    name: '0008-story-desk',
    statements: (d) => [
      'ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 1',
      'ALTER TABLE stories ADD COLUMN archived INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE stories ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE stories ADD COLUMN changed_at TEXT',
      'ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1',
      'ALTER TABLE articles ADD COLUMN removed_at TEXT',
      `CREATE TABLE story_audit (
        id ${d.serialId},
        story TEXT NOT NULL,
        object_kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT)`,
      'CREATE INDEX story_audit_by_story ON story_audit(story)',
      ...d.appendOnly('story_audit', 'story history entries'),
    ],
  },
  {
    // Articles change after publication: every version is kept (the current text stays in
    // articles), evidence spans re-anchored by a new version are recorded with their old and new
    // text, and changes of a claim's evidence after its verdict flag it until an editor reviews it.
    name: '0009-article-versions',
    statements: (d) => [
      'ALTER TABLE articles ADD COLUMN text_version INTEGER NOT NULL DEFAULT 1',
      `CREATE TABLE article_versions (
        article TEXT NOT NULL REFERENCES articles(id),
        version INTEGER NOT NULL,
        story TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        sentences TEXT NOT NULL,
        editor TEXT,
        at TEXT,
        kept INTEGER NOT NULL,
        changed INTEGER NOT NULL,
        unanchored INTEGER NOT NULL,
        PRIMARY KEY (article, version))`,
      ...d.appendOnly('article_versions', 'article versions'),
      `CREATE TABLE span_changes (
        id ${d.serialId},
        article TEXT NOT NULL REFERENCES articles(id),
        version INTEGER NOT NULL,
        story TEXT NOT NULL,
        mention TEXT NOT NULL,
        claim TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('changed', 'unanchored')),
        before_anchor TEXT NOT NULL,
        after_anchor TEXT)`,
      'CREATE INDEX span_changes_by_article ON span_changes(article)',
      ...d.appendOnly('span_changes', 'span changes'),
      `CREATE TABLE evidence_changes (
        id ${d.serialId},
        claim TEXT NOT NULL REFERENCES claims(id),
        story TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('changed', 'unanchored', 'coverage')),
        mention TEXT NOT NULL,
        article TEXT NOT NULL,
        article_version INTEGER,
        at TEXT NOT NULL)`,
      'CREATE INDEX evidence_changes_by_story ON evidence_changes(story)',
      ...d.appendOnly('evidence_changes', 'evidence changes'),
      'ALTER TABLE claims ADD COLUMN evidence_reviewed_through BIGINT NOT NULL DEFAULT 0',
      'ALTER TABLE verdict_audit ADD COLUMN action TEXT',
    ],
  },
  {
    // Publishing: whether each verdict is published (a row from the first change on; none reads
    // as unpublished at version 1), every publication and withdrawal on record, and the evidence
    // imported as Web Annotations with who made each annotation and when.
    name: '0010-publishing',
    statements: (d) => [
      `CREATE TABLE publications (
        claim TEXT PRIMARY KEY REFERENCES claims(id),
        story TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('unpublished', 'published', 'withdrawn')),
        version INTEGER NOT NULL,
        editor TEXT,
        at TEXT,
        verdict_version INTEGER,
        first_published_at TEXT)`,
      'CREATE INDEX publications_by_story ON publications(story)',
      `CREATE TABLE publication_audit (
        id ${d.serialId},
        claim TEXT NOT NULL REFERENCES claims(id),
        story TEXT NOT NULL,
        version INTEGER NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        verdict_version INTEGER NOT NULL,
        UNIQUE (claim, version))`,
      ...d.appendOnly('publication_audit', 'publication entries'),
      `CREATE TABLE imported_annotations (
        mention TEXT PRIMARY KEY,
        story TEXT NOT NULL,
        annotation TEXT NOT NULL,
        creator TEXT,
        created TEXT,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL)`,
      'CREATE INDEX imported_annotations_by_story ON imported_annotations(story)',
      ...d.appendOnly('imported_annotations', 'imported annotations'),
    ],
  },
  {
    // Every story's version: a counter the database itself bumps on every change to a row of the
    // story (triggers kept by story-version-triggers.ts on every table that names a story, a
    // claim, an article or a mention), with the changed rows listed per version, so readers
    // revalidate by version and catch up on what changed since theirs. The epoch tells one
    // database's counter from another's (a copy counts anew).
    name: '0011-story-version',
    statements: (d, kind) => [
      `CREATE TABLE story_versions (story TEXT PRIMARY KEY, epoch TEXT NOT NULL, version BIGINT NOT NULL)`,
      `CREATE TABLE story_changes (
        id ${d.serialId},
        story TEXT NOT NULL,
        version BIGINT NOT NULL,
        entity TEXT NOT NULL,
        item TEXT NOT NULL,
        claim TEXT,
        article TEXT)`,
      'CREATE INDEX story_changes_by_version ON story_changes(story, version)',
      `INSERT INTO story_versions (story, epoch, version) SELECT id, ${
        kind === 'sqlite' ? 'lower(hex(randomblob(8)))' : 'md5(random()::text || id)'
      }, 1 FROM stories`,
    ],
  },
  {
    // The desk's own edits of claims, mentions, topics and actors: a merged claim keeps its row
    // (and its verdict history) and points at the claim it went into; a removed claim keeps its
    // row, hidden; a mention and a topic carry a version; every change has an append-only audit
    // entry with what the object was before and after.
    name: '0012-claim-desk',
    statements: (d) => [
      'ALTER TABLE claims ADD COLUMN merged_into TEXT',
      'ALTER TABLE claims ADD COLUMN removed_at TEXT',
      'ALTER TABLE mentions ADD COLUMN version INTEGER NOT NULL DEFAULT 1',
      `CREATE TABLE topic_versions (
        story TEXT NOT NULL REFERENCES stories(id),
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (story, name))`,
      `CREATE TABLE desk_audit (
        id ${d.serialId},
        story TEXT NOT NULL,
        object_kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        related TEXT,
        version INTEGER NOT NULL,
        action TEXT NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        undoes BIGINT)`,
      'CREATE INDEX desk_audit_by_object ON desk_audit(object_kind, object_id)',
      'CREATE INDEX desk_audit_by_related ON desk_audit(related)',
      'CREATE UNIQUE INDEX desk_audit_undone_once ON desk_audit(undoes)',
      ...d.appendOnly('desk_audit', 'audit entries'),
    ],
  },
  {
    // The page an article added by its address was fetched from, kept as received with the fetch time.
    name: '0013-intake',
    statements: () => [
      `CREATE TABLE article_archives (
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        content_type TEXT NOT NULL,
        content TEXT NOT NULL
      )`,
    ],
  },
  {
    // Events edited in the app: a version per event (its ETag), and the append-only history of
    // every accepted change, with the event before and after it (JSON; NULL where there was none).
    name: '0014-event-desk',
    statements: (d) => [
      'ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1',
      `CREATE TABLE event_audit (
        id ${d.serialId},
        event TEXT NOT NULL,
        story TEXT NOT NULL REFERENCES stories(id),
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'removed', 'restored')),
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        from_event TEXT,
        to_event TEXT,
        UNIQUE (event, version))`,
      'CREATE INDEX event_audit_by_story ON event_audit(story)',
      ...d.appendOnly('event_audit', 'event history entries'),
    ],
  },
  {
    // A verdict change saved over another editor's version after a refused save (412): the
    // version the editor compared theirs with, so the history shows the conflict and its resolution.
    name: '0017-views',
    statements: () => ['ALTER TABLE verdict_audit ADD COLUMN conflict_version INTEGER'],
  },
  {
    // One history of the changes made at the desk: story_audit (stories and articles),
    // desk_audit (claims, mentions, topics, actors) and event_audit (events) had one shape and
    // become `audit`, written by one function (audit-writer.ts). Every row is copied in the order
    // the changes were made (by time, then id; a table's own order is never changed, so an
    // undo still finds the entry it found before), with new ids; an undo's `undoes` follows its
    // entry to the new id. verdict_audit and publication_audit stay as they are: their typed
    // from/to columns (status, note, evidence; publication state and verdict version) back the
    // verdict and publication histories and the queries over them, which JSON could not.
    name: '0019-one-audit',
    statements: (d, kind) => [
      `CREATE TABLE audit (
        id ${d.serialId},
        story TEXT NOT NULL,
        object_kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        related TEXT,
        version INTEGER NOT NULL,
        action TEXT NOT NULL,
        editor TEXT NOT NULL,
        at TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        undoes BIGINT,
        CHECK (object_kind <> 'event' OR action IN ('created', 'edited', 'removed', 'restored')))`,
      'CREATE INDEX audit_by_object ON audit(object_kind, object_id)',
      'CREATE INDEX audit_by_related ON audit(related)',
      'CREATE INDEX audit_by_story ON audit(story)',
      'CREATE UNIQUE INDEX audit_undone_once ON audit(undoes)',
      `CREATE UNIQUE INDEX audit_event_version_once ON audit(object_id, version) WHERE object_kind = 'event'`,
      `WITH old AS (
         SELECT 1 AS source, id, story, object_kind, object_id, CAST(NULL AS TEXT) AS related, version, action,
           editor, at, before_json, after_json, CAST(NULL AS BIGINT) AS undoes
         FROM story_audit
         UNION ALL
         SELECT 2, id, story, object_kind, object_id, related, version, action, editor, at, before_json, after_json, undoes
         FROM desk_audit
         UNION ALL
         SELECT 3, id, story, 'event', event, NULL, version, action, editor, at, from_event, to_event, NULL
         FROM event_audit
       ), timed AS (
         SELECT old.*, max(at) OVER (PARTITION BY source ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS after_at
         FROM old
       ), numbered AS (
         SELECT timed.*, row_number() OVER (ORDER BY after_at, source, id) AS new_id FROM timed
       )
       INSERT INTO audit (id, story, object_kind, object_id, related, version, action, editor, at, before_json,
         after_json, undoes) ${kind === 'postgres' ? 'OVERRIDING SYSTEM VALUE' : ''}
       SELECT n.new_id, n.story, n.object_kind, n.object_id, n.related, n.version, n.action, n.editor, n.at,
         n.before_json, n.after_json, u.new_id
       FROM numbered n LEFT JOIN numbered u ON u.source = 2 AND u.id = n.undoes
       ORDER BY n.new_id`,
      ...(kind === 'postgres'
        ? [`SELECT setval(pg_get_serial_sequence('audit', 'id'), (SELECT max(id) FROM audit))`]
        : []),
      ...['story_audit', 'desk_audit', 'event_audit'].flatMap((table) => [
        ...d.dropAppendOnly(table),
        `DROP TABLE ${table}`,
      ]),
      ...d.appendOnly('audit', 'audit entries'),
    ],
  },
];

export const MIGRATION_NAMES = STEPS.map((step) => step.name);

/** The steps as Kysely migrations for one engine; each step runs in one transaction. */
export function migrationProvider(kind: EngineKind): MigrationProvider {
  const migrations: Record<string, Migration> = {};
  for (const step of STEPS) {
    migrations[step.name] = {
      async up(db: Kysely<unknown>) {
        for (const statement of step.statements(DDL[kind], kind)) await sql.raw(statement).execute(db);
      },
    };
  }
  return { getMigrations: () => Promise.resolve(migrations) };
}
