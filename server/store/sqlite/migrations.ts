/**
 * Versioned schema migrations, applied in order; PRAGMA user_version records how many ran.
 * Append new migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE outlets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    kind TEXT NOT NULL,
    url TEXT
  );
  CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL
  );
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE TABLE articles (
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
    sentences TEXT NOT NULL
  );
  CREATE INDEX articles_by_story ON articles(story);
  CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL REFERENCES stories(id),
    text TEXT NOT NULL,
    topic TEXT NOT NULL,
    verdict_status TEXT NOT NULL,
    verdict_note TEXT NOT NULL,
    verdict_editor TEXT,
    verdict_at TEXT,
    verdict_version INTEGER NOT NULL
  );
  CREATE INDEX claims_by_story ON claims(story);
  CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL REFERENCES stories(id),
    claim TEXT NOT NULL REFERENCES claims(id),
    article TEXT NOT NULL REFERENCES articles(id),
    stance TEXT NOT NULL,
    attribution TEXT NOT NULL
  );
  CREATE INDEX mentions_by_story ON mentions(story);
  CREATE INDEX mentions_by_claim ON mentions(claim);
  CREATE TABLE spans (
    mention TEXT NOT NULL REFERENCES mentions(id),
    ordinal INTEGER NOT NULL,
    story TEXT NOT NULL REFERENCES stories(id),
    article TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    PRIMARY KEY (mention, ordinal)
  );
  CREATE INDEX spans_by_story ON spans(story);
  CREATE TABLE events (
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
    mentions TEXT NOT NULL
  );
  CREATE INDEX events_by_story ON events(story);
  CREATE TABLE passages (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL REFERENCES stories(id),
    text TEXT NOT NULL,
    spans TEXT NOT NULL
  );
  CREATE INDEX passages_by_story ON passages(story);
  `,
  `
  ALTER TABLE events ADD COLUMN date_derived_from TEXT;
  `,
  // Editorial verdicts: evidence, accounts, sessions, the audit history and the security log.
  // The two logs are append-only: triggers refuse any UPDATE or DELETE of their rows.
  `
  ALTER TABLE claims ADD COLUMN verdict_evidence TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE accounts (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_username ON sessions(username);
  CREATE TABLE verdict_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    UNIQUE (claim, version)
  );
  CREATE TRIGGER verdict_audit_is_append_only_update BEFORE UPDATE ON verdict_audit
  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
  CREATE TRIGGER verdict_audit_is_append_only_delete BEFORE DELETE ON verdict_audit
  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;
  CREATE TABLE security_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    username TEXT,
    address TEXT,
    detail TEXT NOT NULL
  );
  CREATE TRIGGER security_log_is_append_only_update BEFORE UPDATE ON security_log
  BEGIN SELECT RAISE(ABORT, 'security log entries cannot be changed'); END;
  CREATE TRIGGER security_log_is_append_only_delete BEFORE DELETE ON security_log
  BEGIN SELECT RAISE(ABORT, 'security log entries cannot be deleted'); END;
  `,
  `
  CREATE TABLE suggestion_rejections (
    article TEXT NOT NULL REFERENCES articles(id),
    claim TEXT NOT NULL REFERENCES claims(id),
    sentence_start INTEGER NOT NULL,
    editor TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (article, claim, sentence_start)
  );
  `,
  // What the curated data says about its own basis: research notes, article provenance and page
  // furniture, a mention's support and basis, an event date's record and related events.
  // JSON or NULL when absent, so a stored item reads back exactly as it was given.
  `
  ALTER TABLE stories ADD COLUMN notes TEXT;
  ALTER TABLE claims ADD COLUMN basis TEXT;
  ALTER TABLE articles ADD COLUMN provenance TEXT;
  ALTER TABLE articles ADD COLUMN furniture TEXT;
  ALTER TABLE mentions ADD COLUMN support TEXT;
  ALTER TABLE mentions ADD COLUMN basis TEXT;
  ALTER TABLE events ADD COLUMN date_record TEXT;
  ALTER TABLE events ADD COLUMN related TEXT;
  `,
];
