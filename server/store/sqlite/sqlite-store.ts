import {
  actorKindSchema,
  attributionNodeSchema,
  charRangeSchema,
  datePrecisionSchema,
  eventFormatSchema,
  eventKindSchema,
  eventStatusSchema,
  outletKindSchema,
  stanceSchema,
  verdictStatusSchema,
  type Article,
  type ArticleMeta,
  type Mention,
  type Span,
  type StoryBundle,
  type StoryEvent,
} from '../../../src/domain/schemas';
import { z } from 'zod';
import type { Corpus } from '../../corpus/load-corpus';
import { emptySeedReport, type SeedReport, type Store } from '../store';
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

const derivedFromJson = z
  .string()
  .transform((text) => z.object({ article: z.string(), phrase: z.string() }).parse(JSON.parse(text)));

type Row = Record<string, unknown>;
const str = (row: Row, key: string) => String(row[key]);
const num = (row: Row, key: string) => Number(row[key]);
const strOrNull = (row: Row, key: string) => (row[key] === null ? null : String(row[key]));

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
      INSERT OR IGNORE INTO claims (id, story, text, topic, verdict_status, verdict_note, verdict_editor,
        verdict_at, verdict_version)
      VALUES (@id, @story, @text, @topic, @status, @note, @editor, @at, @version)`),
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
    insertPassage: db.prepare(
      'INSERT OR IGNORE INTO passages (id, story, text, spans) VALUES (@id, @story, @text, @spans)',
    ),
  };

  const toArticleMeta = (row: Row): ArticleMeta => ({
    id: str(row, 'id'),
    story: str(row, 'story'),
    outlet: str(row, 'outlet'),
    title: str(row, 'title'),
    published: { date: str(row, 'published_date'), basis: str(row, 'published_basis') },
    source: { file: strOrNull(row, 'source_file'), url: strOrNull(row, 'source_url') },
  });

  const seed = db.transaction((corpus: Corpus): SeedReport => {
    const report = emptySeedReport();
    for (const outlet of corpus.outlets) {
      statements.insertOutlet.run({ ...outlet, aliases: JSON.stringify(outlet.aliases) });
    }
    for (const actor of corpus.actors) statements.insertActor.run(actor);
    for (const { story, articles, claims, mentions, events, passages } of corpus.stories) {
      report.stories += statements.insertStory.run(story).changes;
      for (const a of articles) {
        report.articles += statements.insertArticle.run({
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
      }
      for (const c of claims) {
        report.claims += statements.insertClaim.run({
          id: c.id,
          story: c.story,
          text: c.text,
          topic: c.topic,
          ...c.verdict,
        }).changes;
      }
      for (const m of mentions) {
        const inserted = statements.insertMention.run({
          id: m.id,
          story: story.id,
          claim: m.claim,
          article: m.article,
          stance: m.stance,
          attribution: JSON.stringify(m.attribution),
        }).changes;
        if (inserted === 0) continue;
        report.mentions += 1;
        m.spans.forEach((span, ordinal) =>
          statements.insertSpan.run({ ...span, mention: m.id, ordinal, story: story.id }),
        );
      }
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
      for (const p of passages) {
        statements.insertPassage.run({ id: p.id, story: p.story, text: p.text, spans: JSON.stringify(p.spans) });
      }
    }
    return report;
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
          outlets: (statements.outlets.all() as Row[])
            .filter((row) => refs.outlets.has(str(row, 'id')))
            .map((row) => ({
              id: str(row, 'id'),
              name: str(row, 'name'),
              aliases: idsFromJson.parse(row.aliases),
              kind: outletKindSchema.parse(row.kind),
              url: strOrNull(row, 'url'),
            })),
          actors: (statements.actors.all() as Row[])
            .filter((row) => refs.actors.has(str(row, 'id')))
            .map((row) => ({
              id: str(row, 'id'),
              name: str(row, 'name'),
              kind: actorKindSchema.parse(row.kind),
              description: str(row, 'description'),
            })),
          articles,
          claims: (statements.claims.all(storyId) as Row[]).map((row) => ({
            id: str(row, 'id'),
            story: str(row, 'story'),
            text: str(row, 'text'),
            topic: str(row, 'topic'),
            verdict: {
              status: verdictStatusSchema.parse(row.verdict_status),
              note: str(row, 'verdict_note'),
              editor: strOrNull(row, 'verdict_editor'),
              at: strOrNull(row, 'verdict_at'),
              version: num(row, 'verdict_version'),
            },
          })),
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
      if (!row) return null;
      return {
        ...toArticleMeta(row),
        body: str(row, 'body'),
        paragraphs: rangesFromJson.parse(row.paragraphs),
        sentences: rangesFromJson.parse(row.sentences),
      };
    },

    async seed(corpus) {
      return seed.immediate(corpus);
    },

    async close() {
      db.close();
    },
  };
}
