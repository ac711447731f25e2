import {
  actorKindSchema,
  attributionNodeSchema,
  auditEntrySchema,
  evidenceRefSchema,
  charRangeSchema,
  datePrecisionSchema,
  eventFormatSchema,
  eventKindSchema,
  eventStatusSchema,
  outletKindSchema,
  stanceSchema,
  roleSchema,
  verdictStatusSchema,
  type Actor,
  type Article,
  type ArticleMeta,
  type AuditEntry,
  type Claim,
  type Mention,
  type Outlet,
  type Passage,
  type Span,
  type StoryBundle,
  type StoryEvent,
} from '@/domain/schemas';
import { z } from 'zod';
import type { Corpus } from '../../corpus/load-corpus';
import {
  emptySeedReport,
  verdictContentOf,
  type Account,
  type NewArticle,
  type SecurityEventKind,
  type SeedReport,
  type Store,
  type VerdictUpdate,
  type VerdictUpdateResult,
} from '../store';
import { referencedBy } from '../story-references';
import { openDatabase, type SqliteDatabase } from './open-database';

const jsonArray = <T extends z.core.SomeType>(item: T) =>
  z.string().transform((text) => z.array(item).parse(JSON.parse(text)));
const rangesFromJson = jsonArray(charRangeSchema);
const idsFromJson = jsonArray(z.string());
const chainFromJson = jsonArray(attributionNodeSchema);
const spansFromJson = jsonArray(
  z.object({
    article: z.string(),
    start: z.number(),
    end: z.number(),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
);

const evidenceFromJson = jsonArray(evidenceRefSchema);

const derivedFromJson = z
  .string()
  .transform((text) => z.object({ article: z.string(), phrase: z.string() }).parse(JSON.parse(text)));

type Row = Record<string, unknown>;
// SQLite hands back TEXT columns as strings and INTEGER columns as numbers; anything else is a
// schema mismatch worth failing loudly on rather than stringifying.
const str = (row: Row, key: string) => {
  const value = row[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`column ${key} is not text`);
};
const num = (row: Row, key: string) => Number(row[key]);
const strOrNull = (row: Row, key: string) => (row[key] === null ? null : str(row, key));

function toClaim(row: Row): Claim {
  return {
    id: str(row, 'id'),
    story: str(row, 'story'),
    text: str(row, 'text'),
    topic: str(row, 'topic'),
    verdict: {
      status: verdictStatusSchema.parse(row.verdict_status),
      note: str(row, 'verdict_note'),
      evidence: evidenceFromJson.parse(row.verdict_evidence),
      editor: strOrNull(row, 'verdict_editor'),
      at: strOrNull(row, 'verdict_at'),
      version: num(row, 'verdict_version'),
    },
  };
}

function toAuditEntry(row: Row): AuditEntry {
  return auditEntrySchema.parse({
    id: num(row, 'id'),
    claim: str(row, 'claim'),
    story: str(row, 'story'),
    version: num(row, 'version'),
    editor: str(row, 'editor'),
    at: str(row, 'at'),
    from: {
      status: row.from_status,
      note: str(row, 'from_note'),
      evidence: evidenceFromJson.parse(row.from_evidence),
    },
    to: { status: row.to_status, note: str(row, 'to_note'), evidence: evidenceFromJson.parse(row.to_evidence) },
  });
}

function toOutlet(row: Row): Outlet {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    aliases: idsFromJson.parse(row.aliases),
    kind: outletKindSchema.parse(row.kind),
    url: strOrNull(row, 'url'),
  };
}

function toActor(row: Row): Actor {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    kind: actorKindSchema.parse(row.kind),
    description: str(row, 'description'),
  };
}

function toAccount(row: Row): Account {
  return {
    username: str(row, 'username'),
    role: roleSchema.parse(row.role),
    passwordHash: str(row, 'password_hash'),
    createdAt: str(row, 'created_at'),
  };
}

/** The embedded store: one SQLite file in WAL mode. */
export function createSqliteStore(path: string): Store & { db: SqliteDatabase } {
  const db = openDatabase(path);

  const statements = {
    stories: db.prepare(`
      SELECT s.id, s.title, s.summary,
        (SELECT count(*) FROM articles WHERE story = s.id) AS articles,
        (SELECT count(*) FROM claims WHERE story = s.id) AS claims,
        (SELECT count(*) FROM mentions WHERE story = s.id) AS mentions,
        (SELECT count(*) FROM events WHERE story = s.id) AS events
      FROM stories s ORDER BY s.rowid`),
    story: db.prepare('SELECT id, title, summary FROM stories WHERE id = ?'),
    articleMetas: db.prepare(
      `SELECT id, story, outlet, title, published_date, published_basis, source_file, source_url
       FROM articles WHERE story = ? ORDER BY rowid`,
    ),
    article: db.prepare('SELECT * FROM articles WHERE id = ?'),
    claims: db.prepare('SELECT * FROM claims WHERE story = ? ORDER BY rowid'),
    mentions: db.prepare('SELECT * FROM mentions WHERE story = ? ORDER BY rowid'),
    spans: db.prepare('SELECT * FROM spans WHERE story = ? ORDER BY mention, ordinal'),
    events: db.prepare('SELECT * FROM events WHERE story = ? ORDER BY rowid'),
    passages: db.prepare('SELECT * FROM passages WHERE story = ? ORDER BY rowid'),
    outlets: db.prepare('SELECT * FROM outlets ORDER BY rowid'),
    actors: db.prepare('SELECT * FROM actors ORDER BY rowid'),
    insertOutlet: db.prepare(
      'INSERT OR IGNORE INTO outlets (id, name, aliases, kind, url) VALUES (@id, @name, @aliases, @kind, @url)',
    ),
    insertActor: db.prepare(
      'INSERT OR IGNORE INTO actors (id, name, kind, description) VALUES (@id, @name, @kind, @description)',
    ),
    insertStory: db.prepare('INSERT OR IGNORE INTO stories (id, title, summary) VALUES (@id, @title, @summary)'),
    insertArticle: db.prepare(`
      INSERT OR IGNORE INTO articles (id, story, outlet, title, published_date, published_basis,
        source_file, source_url, body, paragraphs, sentences)
      VALUES (@id, @story, @outlet, @title, @publishedDate, @publishedBasis, @sourceFile, @sourceUrl,
        @body, @paragraphs, @sentences)`),
    insertClaim: db.prepare(`
      INSERT OR IGNORE INTO claims (id, story, text, topic, verdict_status, verdict_note, verdict_evidence,
        verdict_editor, verdict_at, verdict_version)
      VALUES (@id, @story, @text, @topic, @status, @note, @evidence, @editor, @at, @version)`),
    insertMention: db.prepare(`
      INSERT OR IGNORE INTO mentions (id, story, claim, article, stance, attribution)
      VALUES (@id, @story, @claim, @article, @stance, @attribution)`),
    insertSpan: db.prepare(`
      INSERT INTO spans (mention, ordinal, story, article, start, end, exact, prefix, suffix)
      VALUES (@mention, @ordinal, @story, @article, @start, @end, @exact, @prefix, @suffix)`),
    insertEvent: db.prepare(`
      INSERT OR IGNORE INTO events (id, story, title, kind, format, status, date_precision, date_start,
        date_end, date_basis, date_derived_from, participants, mentions)
      VALUES (@id, @story, @title, @kind, @format, @status, @precision, @start, @end, @basis,
        @derivedFrom, @participants, @mentions)`),
    deletePassages: db.prepare('DELETE FROM passages WHERE story = ?'),
    allOutlets: db.prepare('SELECT * FROM outlets ORDER BY rowid'),
    storyArticles: db.prepare('SELECT * FROM articles WHERE story = ? ORDER BY rowid'),
    mention: db.prepare('SELECT id FROM mentions WHERE id = ?'),
    insertRejection: db.prepare(`
      INSERT OR IGNORE INTO suggestion_rejections (article, claim, sentence_start, editor, at)
      VALUES (@article, @claim, @sentenceStart, @editor, @at)`),
    rejections: db.prepare('SELECT claim, sentence_start FROM suggestion_rejections WHERE article = ? ORDER BY rowid'),
    insertPassage: db.prepare(
      'INSERT OR IGNORE INTO passages (id, story, text, spans) VALUES (@id, @story, @text, @spans)',
    ),
    claim: db.prepare('SELECT * FROM claims WHERE id = ?'),
    claimMentionIds: db.prepare('SELECT id FROM mentions WHERE claim = ? ORDER BY rowid'),
    updateVerdict: db.prepare(`
      UPDATE claims SET verdict_status = @status, verdict_note = @note, verdict_evidence = @evidence,
        verdict_editor = @editor, verdict_at = @at, verdict_version = verdict_version + 1
      WHERE id = @claimId AND verdict_version = @expectedVersion`),
    insertAudit: db.prepare(`
      INSERT INTO verdict_audit (claim, story, version, editor, at, from_status, from_note, from_evidence,
        to_status, to_note, to_evidence)
      VALUES (@claim, @story, @version, @editor, @at, @fromStatus, @fromNote, @fromEvidence,
        @toStatus, @toNote, @toEvidence)`),
    auditById: db.prepare('SELECT * FROM verdict_audit WHERE id = ?'),
    history: db.prepare('SELECT * FROM verdict_audit WHERE claim = ? ORDER BY version, id'),
    insertAccount: db.prepare(`
      INSERT OR IGNORE INTO accounts (username, role, password_hash, created_at)
      VALUES (@username, @role, @passwordHash, @createdAt)`),
    account: db.prepare('SELECT * FROM accounts WHERE username = ?'),
    accounts: db.prepare('SELECT * FROM accounts ORDER BY username'),
    setRole: db.prepare('UPDATE accounts SET role = ? WHERE username = ?'),
    setPasswordHash: db.prepare('UPDATE accounts SET password_hash = ? WHERE username = ?'),
    deleteAccount: db.prepare('DELETE FROM accounts WHERE username = ?'),
    insertSession: db.prepare(`
      INSERT INTO sessions (token_hash, username, created_at, expires_at)
      VALUES (@tokenHash, @username, @createdAt, @expiresAt)`),
    session: db.prepare(`
      SELECT a.username, a.role, s.expires_at FROM sessions s JOIN accounts a ON a.username = s.username
      WHERE s.token_hash = ? AND s.expires_at > ?`),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE username = ?'),
    deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    insertSecurityEvent: db.prepare(`
      INSERT INTO security_log (at, kind, username, address, detail) VALUES (@at, @kind, @username, @address, @detail)`),
    securityEvents: db.prepare('SELECT * FROM security_log ORDER BY id'),
  };

  const toArticle = (row: Row): Article => ({
    ...toArticleMeta(row),
    body: str(row, 'body'),
    paragraphs: rangesFromJson.parse(row.paragraphs),
    sentences: rangesFromJson.parse(row.sentences),
  });

  const toArticleMeta = (row: Row): ArticleMeta => ({
    id: str(row, 'id'),
    story: str(row, 'story'),
    outlet: str(row, 'outlet'),
    title: str(row, 'title'),
    published: { date: str(row, 'published_date'), basis: str(row, 'published_basis') },
    source: { file: strOrNull(row, 'source_file'), url: strOrNull(row, 'source_url') },
  });

  const insertArticleRow = (a: Article) =>
    statements.insertArticle.run({
      id: a.id,
      story: a.story,
      outlet: a.outlet,
      title: a.title,
      publishedDate: a.published.date,
      publishedBasis: a.published.basis,
      sourceFile: a.source.file,
      sourceUrl: a.source.url,
      body: a.body,
      paragraphs: JSON.stringify(a.paragraphs),
      sentences: JSON.stringify(a.sentences),
    }).changes;
  const insertClaimRow = (c: Claim) =>
    statements.insertClaim.run({
      id: c.id,
      story: c.story,
      text: c.text,
      topic: c.topic,
      ...c.verdict,
      evidence: JSON.stringify(c.verdict.evidence ?? []),
    }).changes;
  /** The mention and its spans, or nothing when the id exists. */
  const insertMentionRows = (m: Mention, storyId: string) => {
    const inserted = statements.insertMention.run({
      id: m.id,
      story: storyId,
      claim: m.claim,
      article: m.article,
      stance: m.stance,
      attribution: JSON.stringify(m.attribution),
    }).changes;
    if (inserted === 0) return 0;
    m.spans.forEach((span, ordinal) => statements.insertSpan.run({ ...span, mention: m.id, ordinal, story: storyId }));
    return 1;
  };
  const insertOutletRow = (outlet: Outlet) =>
    statements.insertOutlet.run({ ...outlet, aliases: JSON.stringify(outlet.aliases) }).changes;
  const insertPassageRow = (p: Passage) =>
    statements.insertPassage.run({ id: p.id, story: p.story, text: p.text, spans: JSON.stringify(p.spans) });

  const seed = db.transaction((corpus: Corpus): SeedReport => {
    const report = emptySeedReport();
    for (const outlet of corpus.outlets) insertOutletRow(outlet);
    for (const actor of corpus.actors) statements.insertActor.run(actor);
    for (const { story, articles, claims, mentions, events, passages } of corpus.stories) {
      report.stories += statements.insertStory.run(story).changes;
      for (const a of articles) report.articles += insertArticleRow(a);
      for (const c of claims) report.claims += insertClaimRow(c);
      for (const m of mentions) report.mentions += insertMentionRows(m, story.id);
      for (const e of events) {
        report.events += statements.insertEvent.run({
          id: e.id,
          story: e.story,
          title: e.title,
          kind: e.kind,
          format: e.format,
          status: e.status,
          ...e.date,
          derivedFrom: e.date.derivedFrom ? JSON.stringify(e.date.derivedFrom) : null,
          participants: JSON.stringify(e.participants),
          mentions: JSON.stringify(e.mentions),
        }).changes;
      }
      for (const p of passages) insertPassageRow(p);
    }
    return report;
  });

  const addArticle = db.transaction(({ article, newOutlet, passages }: NewArticle): 'added' | 'exists' => {
    if (statements.article.get(article.id)) return 'exists';
    if (newOutlet) insertOutletRow(newOutlet);
    insertArticleRow(article);
    // Shared passages are a function of all the story's text: the new set replaces the old.
    if (passages) replacePassages(article.story, passages);
    return 'added';
  });

  const replacePassages = (storyId: string, passages: Passage[]) => {
    statements.deletePassages.run(storyId);
    for (const p of passages) insertPassageRow(p);
  };
  const replacePassagesNow = db.transaction(replacePassages);

  const updateVerdict = db.transaction((update: VerdictUpdate): VerdictUpdateResult => {
    const row = statements.claim.get(update.claimId) as Row | undefined;
    if (!row) return { kind: 'not_found' };
    const current = toClaim(row);
    if (current.verdict.version !== update.expectedVersion) return { kind: 'stale', claim: current };
    const { content } = update;
    const from = verdictContentOf(current);
    statements.updateVerdict.run({
      claimId: update.claimId,
      expectedVersion: update.expectedVersion,
      status: content.status,
      note: content.note,
      evidence: JSON.stringify(content.evidence),
      editor: update.editor,
      at: update.at,
    });
    const { lastInsertRowid } = statements.insertAudit.run({
      claim: current.id,
      story: current.story,
      version: current.verdict.version + 1,
      editor: update.editor,
      at: update.at,
      fromStatus: from.status,
      fromNote: from.note,
      fromEvidence: JSON.stringify(from.evidence),
      toStatus: content.status,
      toNote: content.note,
      toEvidence: JSON.stringify(content.evidence),
    });
    return {
      kind: 'updated',
      claim: toClaim(statements.claim.get(update.claimId) as Row),
      entry: toAuditEntry(statements.auditById.get(lastInsertRowid) as Row),
    };
  });

  return {
    db,

    async listStories() {
      return (statements.stories.all() as Row[]).map((row) => ({
        id: str(row, 'id'),
        title: str(row, 'title'),
        summary: str(row, 'summary'),
        counts: {
          articles: num(row, 'articles'),
          claims: num(row, 'claims'),
          mentions: num(row, 'mentions'),
          events: num(row, 'events'),
        },
      }));
    },

    async getStoryBundle(storyId) {
      const storyRow = statements.story.get(storyId) as Row | undefined;
      if (!storyRow) return null;
      // One consistent snapshot: a concurrent writer cannot interleave between the reads.
      return db.transaction((): StoryBundle => {
        const articles = (statements.articleMetas.all(storyId) as Row[]).map(toArticleMeta);
        const spansByMention = new Map<string, Span[]>();
        for (const row of statements.spans.all(storyId) as Row[]) {
          const mention = str(row, 'mention');
          const list = spansByMention.get(mention) ?? [];
          list.push({
            article: str(row, 'article'),
            start: num(row, 'start'),
            end: num(row, 'end'),
            exact: str(row, 'exact'),
            prefix: str(row, 'prefix'),
            suffix: str(row, 'suffix'),
          });
          spansByMention.set(mention, list);
        }
        const mentions: Mention[] = (statements.mentions.all(storyId) as Row[]).map((row) => ({
          id: str(row, 'id'),
          claim: str(row, 'claim'),
          article: str(row, 'article'),
          stance: stanceSchema.parse(row.stance),
          attribution: chainFromJson.parse(row.attribution),
          spans: spansByMention.get(str(row, 'id')) ?? [],
        }));
        const events: StoryEvent[] = (statements.events.all(storyId) as Row[]).map((row) => ({
          id: str(row, 'id'),
          story: str(row, 'story'),
          title: str(row, 'title'),
          kind: eventKindSchema.parse(row.kind),
          format: eventFormatSchema.parse(row.format),
          status: eventStatusSchema.parse(row.status),
          date: {
            precision: datePrecisionSchema.parse(row.date_precision),
            start: str(row, 'date_start'),
            end: str(row, 'date_end'),
            basis: str(row, 'date_basis'),
            derivedFrom: row.date_derived_from === null ? null : derivedFromJson.parse(row.date_derived_from),
          },
          participants: idsFromJson.parse(row.participants),
          mentions: idsFromJson.parse(row.mentions),
        }));
        const refs = referencedBy(articles, mentions, events);
        return {
          story: { id: str(storyRow, 'id'), title: str(storyRow, 'title'), summary: str(storyRow, 'summary') },
          outlets: (statements.outlets.all() as Row[]).filter((row) => refs.outlets.has(str(row, 'id'))).map(toOutlet),
          actors: (statements.actors.all() as Row[]).filter((row) => refs.actors.has(str(row, 'id'))).map(toActor),
          articles,
          claims: (statements.claims.all(storyId) as Row[]).map(toClaim),
          mentions,
          events,
          passages: (statements.passages.all(storyId) as Row[]).map((row) => ({
            id: str(row, 'id'),
            story: str(row, 'story'),
            text: str(row, 'text'),
            spans: spansFromJson.parse(row.spans),
          })),
        };
      })();
    },

    async getArticle(articleId): Promise<Article | null> {
      const row = statements.article.get(articleId) as Row | undefined;
      return row ? toArticle(row) : null;
    },

    async listOutlets() {
      return (statements.allOutlets.all() as Row[]).map(toOutlet);
    },

    async listActors() {
      return (statements.actors.all() as Row[]).map(toActor);
    },

    async listStoryArticles(storyId) {
      return (statements.storyArticles.all(storyId) as Row[]).map(toArticle);
    },

    async addArticle(input) {
      return addArticle.immediate(input);
    },

    async replacePassages(storyId, passages) {
      replacePassagesNow.immediate(storyId, passages);
    },

    async addMention(mention) {
      return db
        .transaction(() => {
          if (statements.mention.get(mention.id)) return 'exists' as const;
          const article = statements.article.get(mention.article) as Row | undefined;
          if (!article) throw new Error(`no article ${mention.article}`);
          insertMentionRows(mention, str(article, 'story'));
          return 'added' as const;
        })
        .immediate();
    },

    async addClaim(claim) {
      return insertClaimRow(claim) === 1 ? 'added' : 'exists';
    },

    async rejectSuggestion(rejection) {
      statements.insertRejection.run(rejection);
    },

    async listRejectedSuggestions(articleId) {
      return (statements.rejections.all(articleId) as Row[]).map((row) => ({
        claim: str(row, 'claim'),
        sentenceStart: num(row, 'sentence_start'),
      }));
    },

    async seed(corpus) {
      return seed.immediate(corpus);
    },

    async getClaim(claimId) {
      const row = statements.claim.get(claimId) as Row | undefined;
      return row ? toClaim(row) : null;
    },

    async listClaimMentionIds(claimId) {
      return (statements.claimMentionIds.all(claimId) as Row[]).map((row) => str(row, 'id'));
    },

    async updateVerdict(update) {
      // BEGIN IMMEDIATE takes the write lock before reading, so the version checked is the one
      // replaced, even with another process writing the same file.
      return updateVerdict.immediate(update);
    },

    async listVerdictHistory(claimId) {
      return (statements.history.all(claimId) as Row[]).map(toAuditEntry);
    },

    async createAccount(account) {
      return statements.insertAccount.run(account).changes === 1 ? 'created' : 'exists';
    },

    async getAccount(username) {
      const row = statements.account.get(username) as Row | undefined;
      return row ? toAccount(row) : null;
    },

    async listAccounts() {
      return (statements.accounts.all() as Row[]).map(toAccount).map(({ passwordHash: _hash, ...summary }) => summary);
    },

    async updateAccount(username, changes) {
      return db
        .transaction(() => {
          if (!statements.account.get(username)) return false;
          if (changes.role) statements.setRole.run(changes.role, username);
          if (changes.passwordHash) statements.setPasswordHash.run(changes.passwordHash, username);
          return true;
        })
        .immediate();
    },

    async deleteAccount(username) {
      // Sessions go with it (ON DELETE CASCADE); audit entries keep the name as written.
      return statements.deleteAccount.run(username).changes === 1;
    },

    async createSession(session) {
      statements.insertSession.run(session);
    },

    async findSession(tokenHash, now) {
      const row = statements.session.get(tokenHash, now) as Row | undefined;
      if (!row) return null;
      return { username: str(row, 'username'), role: roleSchema.parse(row.role), expiresAt: num(row, 'expires_at') };
    },

    async deleteSession(tokenHash) {
      statements.deleteSession.run(tokenHash);
    },

    async deleteSessionsOf(username) {
      return statements.deleteSessionsOf.run(username).changes;
    },

    async deleteExpiredSessions(now) {
      return statements.deleteExpiredSessions.run(now).changes;
    },

    async logSecurityEvent(event) {
      statements.insertSecurityEvent.run(event);
    },

    async listSecurityEvents() {
      return (statements.securityEvents.all() as Row[]).map((row) => ({
        id: num(row, 'id'),
        at: str(row, 'at'),
        kind: str(row, 'kind') as SecurityEventKind,
        username: strOrNull(row, 'username'),
        address: strOrNull(row, 'address'),
        detail: str(row, 'detail'),
      }));
    },

    async close() {
      db.close();
    },
  };
}
