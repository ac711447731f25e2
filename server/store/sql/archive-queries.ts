import type { Kysely, Transaction } from 'kysely';
import type { ArchiveStore, ArticleArchive } from '../archive-store';
import type { Database } from './database-schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores an article's archived page; called in the transaction that adds the article. */
export async function insertArchiveRow(db: Db, archive: ArticleArchive): Promise<void> {
  await db
    .insertInto('article_archives')
    .values({
      article: archive.article,
      url: archive.url,
      fetched_at: archive.fetchedAt,
      content_type: archive.contentType,
      content: archive.content,
    })
    .execute();
}

export function archiveQueries(db: Kysely<Database>): ArchiveStore {
  return {
    async getArticleArchive(articleId) {
      const row = await db
        .selectFrom('article_archives')
        .selectAll()
        .where('article', '=', articleId)
        .executeTakeFirst();
      return row
        ? {
            article: row.article,
            url: row.url,
            fetchedAt: row.fetched_at,
            contentType: row.content_type,
            content: row.content,
          }
        : null;
    },
  };
}
