import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  actorKindSchema,
  outletKindSchema,
  type Actor,
  type Article,
  type ArticleMeta,
  type Claim,
  type Mention,
  type Outlet,
  type Passage,
  type Span,
  type StoryBundle,
  type StoryEvent,
} from '@/domain/schemas';
import type { CorpusStory } from '../../corpus/load-corpus';
import { emptySeedReport, type SeedReport, type StoryStore } from '../store';
import { referencedBy } from '../story-references';
import { insertArchiveRow } from './archive-queries';
import { STORY_AUDIT_KINDS } from './audit-writer';
import type { ArticlesTable, Database } from './database-schema';
import { eventColumns, plainEvent, toVersionedEvent } from './event-queries';
import { MENTION_COLUMNS, mentionFromRow } from './mention-rows';
import {
  inserted,
  furnitureFromJson,
  idsFromJson,
  jsonOrNull,
  notesFromJson,
  optionalField,
  passageSpansFromJson,
  rangesFromJson,
} from './row-codecs';
import { recordEvidenceChange, readStoryVersioning } from './article-version-queries';
import { claimColumns, insertClaimRow, toClaim } from './verdict-queries';

type Db = Kysely<Database> | Transaction<Database>;

export const articleMetaColumns = [
  'id',
  'story',
  'outlet',
  'title',
  'published_date',
  'published_basis',
  'source_file',
  'source_url',
  'provenance',
  'furniture',
] as const;
const articleColumns = [...articleMetaColumns, 'body', 'paragraphs', 'sentences'] as const;
export const outletColumns = ['id', 'name', 'aliases', 'kind', 'url'] as const;
export const actorColumns = ['id', 'name', 'kind', 'description'] as const;

type ArticleMetaRow = Pick<Selectable<ArticlesTable>, (typeof articleMetaColumns)[number]>;
type ArticleRow = Pick<Selectable<ArticlesTable>, (typeof articleColumns)[number]>;

export const toArticleMeta = (row: ArticleMetaRow): ArticleMeta => ({
  id: row.id,
  story: row.story,
  outlet: row.outlet,
  title: row.title,
  published: { date: row.published_date, basis: row.published_basis },
  source: { file: row.source_file, url: row.source_url },
  ...optionalField('provenance', row.provenance, String),
  ...optionalField('furniture', row.furniture, (text) => furnitureFromJson.parse(text)),
});

const toArticle = (row: ArticleRow): Article => ({
  ...toArticleMeta(row),
  body: row.body,
  paragraphs: rangesFromJson.parse(row.paragraphs),
  sentences: rangesFromJson.parse(row.sentences),
});

export const toOutlet = (row: Pick<Selectable<Database['outlets']>, (typeof outletColumns)[number]>): Outlet => ({
  id: row.id,
  name: row.name,
  aliases: idsFromJson.parse(row.aliases),
  kind: outletKindSchema.parse(row.kind),
  url: row.url,
});

export const toActor = (row: Pick<Selectable<Database['actors']>, (typeof actorColumns)[number]>): Actor => ({
  id: row.id,
  name: row.name,
  kind: actorKindSchema.parse(row.kind),
  description: row.description,
});

async function insertArticleRow(db: Db, a: Article) {
  const result = await db
    .insertInto('articles')
    .values({
      id: a.id,
      story: a.story,
      outlet: a.outlet,
      title: a.title,
      published_date: a.published.date,
      published_basis: a.published.basis,
      source_file: a.source.file,
      source_url: a.source.url,
      body: a.body,
      paragraphs: JSON.stringify(a.paragraphs),
      sentences: JSON.stringify(a.sentences),
      provenance: a.provenance ?? null,
      furniture: jsonOrNull(a.furniture),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return inserted(result);
}

export async function insertOutletRow(db: Db, outlet: Outlet) {
  await db
    .insertInto('outlets')
    .values({ ...outlet, aliases: JSON.stringify(outlet.aliases) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The mention and its spans, or nothing when the id exists. */
export async function insertMentionRows(db: Db, m: Mention, storyId: string) {
  const result = await db
    .insertInto('mentions')
    .values({
      id: m.id,
      story: storyId,
      claim: m.claim,
      article: m.article,
      stance: m.stance,
      attribution: JSON.stringify(m.attribution),
      support: m.support ?? null,
      basis: jsonOrNull(m.basis),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (inserted(result) === 0) return 0;
  if (m.spans.length > 0) {
    await db
      .insertInto('spans')
      .values(m.spans.map((span, ordinal) => ({ ...span, mention: m.id, ordinal, story: storyId })))
      .execute();
  }
  return 1;
}

async function insertPassageRows(db: Db, passages: Passage[]) {
  for (const p of passages) {
    await db
      .insertInto('passages')
      .values({ id: p.id, story: p.story, text: p.text, spans: JSON.stringify(p.spans) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

async function replaceStoryPassages(db: Db, storyId: string, passages: Passage[]) {
  await db.deleteFrom('passages').where('story', '=', storyId).execute();
  await insertPassageRows(db, passages);
}

/** A corpus story's rows, each added unless its id exists; counts what was added into `report`. */
export async function insertStoryRows(
  trx: Db,
  { story, articles, claims, mentions, events, passages }: CorpusStory,
  report: SeedReport,
) {
  report.stories += inserted(
    await trx
      .insertInto('stories')
      .values({ id: story.id, title: story.title, summary: story.summary, notes: jsonOrNull(story.notes) })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst(),
  );
  for (const a of articles) report.articles += await insertArticleRow(trx, a);
  for (const c of claims) report.claims += await insertClaimRow(trx, c);
  for (const m of mentions) report.mentions += await insertMentionRows(trx, m, story.id);
  for (const e of events) {
    const result = await trx
      .insertInto('events')
      .values({
        id: e.id,
        story: e.story,
        title: e.title,
        kind: e.kind,
        format: e.format,
        status: e.status,
        date_precision: e.date.precision,
        date_start: e.date.start,
        date_end: e.date.end,
        date_basis: e.date.basis,
        date_derived_from: e.date.derivedFrom ? JSON.stringify(e.date.derivedFrom) : null,
        participants: JSON.stringify(e.participants),
        mentions: JSON.stringify(e.mentions),
        date_record: e.date.record ?? null,
        related: jsonOrNull(e.related),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    report.events += inserted(result);
  }
  await insertPassageRows(trx, passages);
}

/** A story's title, summary and notes; null when there is no such story. */
export async function readStoryHeader(db: Db, storyId: string) {
  const row = await db
    .selectFrom('stories')
    .select(['id', 'title', 'summary', 'notes'])
    .where('id', '=', storyId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    ...optionalField('notes', row.notes, (text) => notesFromJson.parse(text)),
  };
}

/**
 * What is part of a story, for every reader of it (the whole story and its overview alike):
 * articles not removed, and claims neither merged into another nor removed. The rows stay.
 */
export async function readLiveArticles(db: Db, storyId: string) {
  const rows = await db
    .selectFrom('articles')
    .select(articleMetaColumns)
    .where('story', '=', storyId)
    .where('removed_at', 'is', null)
    .orderBy('rowid')
    .execute();
  return rows.map(toArticleMeta);
}

export async function readLiveClaims(db: Db, storyId: string) {
  const rows = await db
    .selectFrom('claims')
    .select(claimColumns)
    .where('story', '=', storyId)
    .where('merged_into', 'is', null)
    .where('removed_at', 'is', null)
    .orderBy('rowid')
    .execute();
  return rows.map(toClaim);
}

async function readBundle(db: Db, storyId: string): Promise<StoryBundle | null> {
  const story = await readStoryHeader(db, storyId);
  if (!story) return null;
  const articles = await readLiveArticles(db, storyId);
  // A removed article leaves with its mentions, their spans and what cites them; the rows stay.
  const live = new Set(articles.map((a) => a.id));
  const spansByMention = new Map<string, Span[]>();
  const spanRows = await db
    .selectFrom('spans')
    .selectAll()
    .where('story', '=', storyId)
    .orderBy('mention')
    .orderBy('ordinal')
    .execute();
  for (const row of spanRows) {
    if (!live.has(row.article)) continue;
    const list = spansByMention.get(row.mention) ?? [];
    list.push({
      article: row.article,
      start: row.start,
      end: row.end,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
    });
    spansByMention.set(row.mention, list);
  }
  const mentions: Mention[] = (
    await db.selectFrom('mentions').select(MENTION_COLUMNS).where('story', '=', storyId).orderBy('rowid').execute()
  )
    .filter((row) => live.has(row.article))
    .map((row) => mentionFromRow(row, spansByMention.get(row.id) ?? []))
    // A mention whose every span a new version unanchored has no evidence left.
    .filter((m) => m.spans.length > 0);
  const events = await readStoryEvents(db, storyId);
  const liveMentions = new Set(mentions.map((m) => m.id));
  for (const event of events) event.mentions = event.mentions.filter((id) => liveMentions.has(id));
  const refs = referencedBy(articles, mentions, events);
  const outlets = await db.selectFrom('outlets').select(outletColumns).orderBy('rowid').execute();
  const actors = await db.selectFrom('actors').select(actorColumns).orderBy('rowid').execute();
  const claims = await readLiveClaims(db, storyId);
  const passages = await db
    .selectFrom('passages')
    .select(['id', 'story', 'text', 'spans'])
    .where('story', '=', storyId)
    .orderBy('rowid')
    .execute();
  return {
    story,
    outlets: outlets.filter((row) => refs.outlets.has(row.id)).map(toOutlet),
    actors: actors.filter((row) => refs.actors.has(row.id)).map(toActor),
    articles,
    claims,
    mentions,
    events,
    passages: passages
      .map((row) => ({
        ...row,
        spans: passageSpansFromJson.parse(row.spans).filter((span) => live.has(span.article)),
      }))
      .filter((passage) => passage.spans.length >= 2),
    ...(await readStoryVersioning(db, storyId)),
  };
}

/** A story's events, in their stored order. */
export async function readStoryEvents(db: Db, storyId: string): Promise<StoryEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(eventColumns)
    .where('story', '=', storyId)
    .orderBy('rowid')
    .execute();
  return rows.map((row) => plainEvent(toVersionedEvent(row)));
}

export function storyQueries(db: Kysely<Database>): StoryStore {
  return {
    async listStories() {
      const rows = await db
        .selectFrom('stories as s')
        .select((eb) => [
          's.id',
          's.title',
          's.summary',
          's.version',
          's.archived',
          's.pinned',
          's.changed_at',
          // Removed articles, and the mentions in them, are not counted.
          eb
            .selectFrom('articles')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('story', '=', 's.id')
            .where('removed_at', 'is', null)
            .as('articles'),
          eb
            .selectFrom('claims')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('story', '=', 's.id')
            .where('merged_into', 'is', null)
            .where('removed_at', 'is', null)
            .as('claims'),
          eb
            .selectFrom('mentions as m')
            .innerJoin('articles as a', 'a.id', 'm.article')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('m.story', '=', 's.id')
            .where('a.removed_at', 'is', null)
            .as('mentions'),
          eb.selectFrom('events').select(eb.fn.countAll<number>().as('n')).whereRef('story', '=', 's.id').as('events'),
          eb
            .selectFrom('verdict_audit')
            .select((e) => e.fn.max('at').as('at'))
            .whereRef('story', '=', 's.id')
            .as('verdict_at'),
          eb
            .selectFrom('audit')
            .select((e) => e.fn.max('at').as('at'))
            .whereRef('story', '=', 's.id')
            .where('object_kind', 'in', STORY_AUDIT_KINDS)
            .as('desk_at'),
        ])
        .orderBy('s.rowid')
        .execute();
      return rows.map((row) => {
        const changes = [row.changed_at, row.verdict_at, row.desk_at].filter(
          (at): at is string => typeof at === 'string',
        );
        return {
          id: row.id,
          title: row.title,
          summary: row.summary,
          counts: {
            articles: Number(row.articles ?? 0),
            claims: Number(row.claims ?? 0),
            mentions: Number(row.mentions ?? 0),
            events: Number(row.events ?? 0),
          },
          version: Number(row.version),
          archived: Number(row.archived) === 1,
          pinned: Number(row.pinned) === 1,
          changedAt: changes.length > 0 ? changes.reduce((a, b) => (a > b ? a : b)) : null,
        };
      });
    },

    async getStoryBundle(storyId) {
      // One consistent snapshot: a concurrent writer cannot interleave between the reads.
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => readBundle(trx, storyId));
    },

    async getArticle(articleId) {
      const row = await db
        .selectFrom('articles')
        .select(articleColumns)
        .where('id', '=', articleId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return row ? toArticle(row) : null;
    },

    async seed(corpus) {
      return db.transaction().execute(async (trx) => {
        const report = emptySeedReport();
        for (const outlet of corpus.outlets) await insertOutletRow(trx, outlet);
        for (const actor of corpus.actors) {
          await trx
            .insertInto('actors')
            .values(actor)
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        for (const corpusStory of corpus.stories) await insertStoryRows(trx, corpusStory, report);
        return report;
      });
    },

    async listOutlets() {
      return (await db.selectFrom('outlets').select(outletColumns).orderBy('rowid').execute()).map(toOutlet);
    },

    async listActors() {
      return (await db.selectFrom('actors').select(actorColumns).orderBy('rowid').execute()).map(toActor);
    },

    async listStoryArticles(storyId) {
      const rows = await db
        .selectFrom('articles')
        .select(articleColumns)
        .where('story', '=', storyId)
        .where('removed_at', 'is', null)
        .orderBy('rowid')
        .execute();
      return rows.map(toArticle);
    },

    async addArticle({ article, newOutlet, passages, archive }) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('articles').select('id').where('id', '=', article.id).executeTakeFirst();
        if (existing) return 'exists' as const;
        if (newOutlet) await insertOutletRow(trx, newOutlet);
        await insertArticleRow(trx, article);
        if (archive) await insertArchiveRow(trx, archive);
        // Shared passages are a function of all the story's text: the new set replaces the old.
        if (passages) await replaceStoryPassages(trx, article.story, passages);
        return 'added' as const;
      });
    },

    async replacePassages(storyId, passages) {
      await db.transaction().execute((trx) => replaceStoryPassages(trx, storyId, passages));
    },

    async addMention(mention, at) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('mentions').select('id').where('id', '=', mention.id).executeTakeFirst();
        if (existing) return 'exists' as const;
        const article = await trx
          .selectFrom('articles')
          .select('story')
          .where('id', '=', mention.article)
          .executeTakeFirst();
        if (!article) throw new Error(`no article ${mention.article}`);
        await insertMentionRows(trx, mention, article.story);
        if (at !== undefined) {
          await recordEvidenceChange(trx, {
            claim: mention.claim,
            story: article.story,
            kind: 'coverage',
            mention: mention.id,
            article: mention.article,
            articleVersion: null,
            at,
          });
        }
        return 'added' as const;
      });
    },

    async addClaim(claim: Claim) {
      return (await insertClaimRow(db, claim)) === 1 ? 'added' : 'exists';
    },

    async rejectSuggestion(rejection) {
      await db
        .insertInto('suggestion_rejections')
        .values({
          article: rejection.article,
          claim: rejection.claim,
          sentence_start: rejection.sentenceStart,
          editor: rejection.editor,
          at: rejection.at,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async listRejectedSuggestions(articleId) {
      const rows = await db
        .selectFrom('suggestion_rejections')
        .select(['claim', 'sentence_start'])
        .where('article', '=', articleId)
        .orderBy('rowid')
        .execute();
      return rows.map((row) => ({ claim: row.claim, sentenceStart: row.sentence_start }));
    },
  };
}
