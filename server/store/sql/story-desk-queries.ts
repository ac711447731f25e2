import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  singleNode,
  storyAuditEntrySchema,
  type ArticleRecord,
  type StoryAuditEntry,
  type StoryRecord,
} from '@/domain/schemas';
import type { ChangeBy, StoryDeskStore } from '../story-desk-store';
import { appendAudit as appendEntry, STORY_AUDIT_KINDS, toAuditRecord, type AuditRecord } from './audit-writer';
import type { Database } from './database-schema';
import { chainFromJson } from './row-codecs';
import { toArticleMeta, articleMetaColumns, insertStoryRows, insertOutletRow } from './story-queries';
import { emptySeedReport } from '../store';

type Db = Kysely<Database> | Transaction<Database>;

const storyColumns = ['id', 'title', 'summary', 'version', 'archived', 'pinned', 'changed_at'] as const;

type StoryRow = Pick<Selectable<Database['stories']>, (typeof storyColumns)[number]>;

export const toStoryRecord = (row: StoryRow): StoryRecord => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  version: Number(row.version),
  archived: Number(row.archived) === 1,
  pinned: Number(row.pinned) === 1,
  changedAt: row.changed_at,
});

const readStory = async (db: Db, id: string) => {
  const row = await db.selectFrom('stories').select(storyColumns).where('id', '=', id).executeTakeFirst();
  return row ? toStoryRecord(row) : null;
};

const readArticle = async (db: Db, id: string): Promise<ArticleRecord | null> => {
  const row = await db
    .selectFrom('articles')
    .select([...articleMetaColumns, 'version', 'removed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...toArticleMeta(row), version: Number(row.version), removed: row.removed_at !== null };
};

const toAuditEntry = (record: AuditRecord): StoryAuditEntry =>
  storyAuditEntrySchema.parse({
    id: record.id,
    story: record.story,
    object: record.kind,
    objectId: record.objectId,
    version: record.version,
    action: record.action,
    editor: record.editor,
    at: record.at,
    before: record.before,
    after: record.after,
  });

async function appendAudit(
  db: Db,
  entry: Omit<StoryAuditEntry, 'id' | 'editor' | 'at'>,
  by: ChangeBy,
): Promise<StoryAuditEntry> {
  const { object, ...rest } = entry;
  return toAuditEntry(await appendEntry(db, { ...rest, kind: object, editor: by.editor, at: by.at }));
}

const touchStory = (db: Db, storyId: string, at: string) =>
  db.updateTable('stories').set({ changed_at: at }).where('id', '=', storyId).execute();

/**
 * Every chain of the article's mentions ends with its publishing outlet: when the outlet is
 * corrected, the chains' last step follows.
 */
async function republishChains(db: Db, articleId: string, from: string, to: string) {
  const rows = await db.selectFrom('mentions').select(['id', 'attribution']).where('article', '=', articleId).execute();
  for (const row of rows) {
    const chain = chainFromJson.parse(row.attribution);
    const last = singleNode(chain.at(-1));
    if (last?.kind !== 'outlet' || last.id !== from) continue;
    chain[chain.length - 1] = { ...last, id: to };
    await db
      .updateTable('mentions')
      .set({ attribution: JSON.stringify(chain) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** The article as its history keeps it: the metadata, without what the store owns. */
const articleSnapshot = ({ removed: _removed, version: _version, ...meta }: ArticleRecord) => meta;
const storySnapshot = ({ version: _version, changedAt: _changedAt, ...story }: StoryRecord) => story;

export function storyDeskQueries(db: Kysely<Database>): StoryDeskStore {
  return {
    async createStory(story, by) {
      return db.transaction().execute(async (trx) => {
        if (await readStory(trx, story.id)) return { kind: 'taken' } as const;
        await trx
          .insertInto('stories')
          .values({ ...story, notes: null, changed_at: by.at })
          .execute();
        const record = (await readStory(trx, story.id))!;
        const entry = await appendAudit(
          trx,
          {
            story: story.id,
            object: 'story',
            objectId: story.id,
            version: record.version,
            action: 'created',
            before: null,
            after: storySnapshot(record),
          },
          by,
        );
        return { kind: 'created', record, entry } as const;
      });
    },

    getStoryRecord: (storyId) => readStory(db, storyId),

    async updateStory(storyId, expectedVersion, changes, by) {
      return db.transaction().execute(async (trx) => {
        const current = await readStory(trx, storyId);
        if (!current) return { kind: 'not_found' } as const;
        if (current.version !== expectedVersion) return { kind: 'stale', current } as const;
        const updated = await trx
          .updateTable('stories')
          .set((eb) => ({
            ...(changes.title !== undefined ? { title: changes.title } : {}),
            ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
            ...(changes.archived !== undefined ? { archived: changes.archived ? 1 : 0 } : {}),
            ...(changes.pinned !== undefined ? { pinned: changes.pinned ? 1 : 0 } : {}),
            changed_at: by.at,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', storyId)
          .where('version', '=', expectedVersion)
          .returning(storyColumns)
          .executeTakeFirst();
        if (!updated) {
          const now = await readStory(trx, storyId);
          return now ? ({ kind: 'stale', current: now } as const) : ({ kind: 'not_found' } as const);
        }
        // One story at most is pinned: pinning this one unpins the one before.
        if (changes.pinned === true) {
          await trx
            .updateTable('stories')
            .set({ pinned: 0 })
            .where('id', '!=', storyId)
            .where('pinned', '=', 1)
            .execute();
        }
        const value = toStoryRecord(updated);
        const action =
          changes.archived !== undefined && changes.archived !== current.archived
            ? changes.archived
              ? 'archived'
              : 'restored'
            : changes.pinned !== undefined && changes.pinned !== current.pinned
              ? changes.pinned
                ? 'pinned'
                : 'unpinned'
              : 'edited';
        const entry = await appendAudit(
          trx,
          {
            story: storyId,
            object: 'story',
            objectId: storyId,
            version: value.version,
            action,
            before: storySnapshot(current),
            after: storySnapshot(value),
          },
          by,
        );
        return { kind: 'updated', value, entry } as const;
      });
    },

    getArticleRecord: (articleId) => readArticle(db, articleId),

    async updateArticle(articleId, expectedVersion, changes, by) {
      return db.transaction().execute(async (trx) => {
        const current = await readArticle(trx, articleId);
        if (!current) return { kind: 'not_found' } as const;
        if (current.version !== expectedVersion) return { kind: 'stale', current } as const;
        const result = await trx
          .updateTable('articles')
          .set((eb) => ({
            ...(changes.title !== undefined ? { title: changes.title } : {}),
            ...(changes.outlet !== undefined ? { outlet: changes.outlet } : {}),
            ...(changes.published !== undefined
              ? { published_date: changes.published.date, published_basis: changes.published.basis }
              : {}),
            ...(changes.url !== undefined ? { source_url: changes.url } : {}),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', articleId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) {
          const now = await readArticle(trx, articleId);
          return now ? ({ kind: 'stale', current: now } as const) : ({ kind: 'not_found' } as const);
        }
        const value = (await readArticle(trx, articleId))!;
        if (value.outlet !== current.outlet) await republishChains(trx, articleId, current.outlet, value.outlet);
        await touchStory(trx, value.story, by.at);
        const entry = await appendAudit(
          trx,
          {
            story: value.story,
            object: 'article',
            objectId: articleId,
            version: value.version,
            action: 'edited',
            before: articleSnapshot(current),
            after: articleSnapshot(value),
          },
          by,
        );
        return { kind: 'updated', value, entry } as const;
      });
    },

    async setArticleRemoved(articleId, expectedVersion, removed, by) {
      return db.transaction().execute(async (trx) => {
        const current = await readArticle(trx, articleId);
        if (!current) return { kind: 'not_found' } as const;
        if (current.version !== expectedVersion) return { kind: 'stale', current } as const;
        const result = await trx
          .updateTable('articles')
          .set((eb) => ({ removed_at: removed ? by.at : null, version: eb('version', '+', 1) }))
          .where('id', '=', articleId)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) {
          const now = await readArticle(trx, articleId);
          return now ? ({ kind: 'stale', current: now } as const) : ({ kind: 'not_found' } as const);
        }
        const value = (await readArticle(trx, articleId))!;
        await touchStory(trx, value.story, by.at);
        const entry = await appendAudit(
          trx,
          {
            story: value.story,
            object: 'article',
            objectId: articleId,
            version: value.version,
            action: removed ? 'removed' : 'restored',
            before: current.removed ? null : articleSnapshot(current),
            after: value.removed ? null : articleSnapshot(value),
          },
          by,
        );
        return { kind: 'updated', value, entry } as const;
      });
    },

    async listStoryAudit(storyId) {
      const rows = await db
        .selectFrom('audit')
        .selectAll()
        .where('story', '=', storyId)
        .where('object_kind', 'in', STORY_AUDIT_KINDS)
        .orderBy('id')
        .execute();
      return rows.map((row) => toAuditEntry(toAuditRecord(row)));
    },

    async importStory({ story, outlets, actors }, by) {
      return db.transaction().execute(async (trx) => {
        const taken = async (table: 'stories' | 'articles' | 'claims' | 'mentions' | 'events', ids: string[]) => {
          if (ids.length === 0) return null;
          const row = await trx.selectFrom(table).select('id').where('id', 'in', ids).executeTakeFirst();
          return row?.id ?? null;
        };
        const checks = [
          ['story', 'stories', [story.story.id]],
          ['article', 'articles', story.articles.map((a) => a.id)],
          ['claim', 'claims', story.claims.map((c) => c.id)],
          ['mention', 'mentions', story.mentions.map((m) => m.id)],
          ['event', 'events', story.events.map((e) => e.id)],
        ] as const;
        for (const [what, table, ids] of checks) {
          const id = await taken(table, [...ids]);
          if (id !== null) return { kind: 'taken', what, id } as const;
        }
        for (const outlet of outlets) await insertOutletRow(trx, outlet);
        for (const actor of actors) {
          await trx
            .insertInto('actors')
            .values(actor)
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        await insertStoryRows(trx, story, emptySeedReport());
        await touchStory(trx, story.story.id, by.at);
        const record = (await readStory(trx, story.story.id))!;
        const entry = await appendAudit(
          trx,
          {
            story: record.id,
            object: 'story',
            objectId: record.id,
            version: record.version,
            action: 'imported',
            before: null,
            after: {
              ...storySnapshot(record),
              articles: story.articles.length,
              claims: story.claims.length,
              mentions: story.mentions.length,
              events: story.events.length,
            },
          },
          by,
        );
        return { kind: 'imported', record, entry } as const;
      });
    },
  };
}
