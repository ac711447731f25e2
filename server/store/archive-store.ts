/** The page an article was fetched from, kept as received: what the desk read, at the time it was read. */
export type ArticleArchive = {
  article: string;
  url: string;
  /** When the page was fetched (ISO 8601). */
  fetchedAt: string;
  contentType: string;
  /** The page's text as received (UTF-8). */
  content: string;
};

/** Archived copies of fetched pages; they are stored with their article (see NewArticle.archive). */
export interface ArchiveStore {
  getArticleArchive(articleId: string): Promise<ArticleArchive | null>;
}
