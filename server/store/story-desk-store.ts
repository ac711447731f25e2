import type { Actor, ArticlePatch, ArticleRecord, Outlet, StoryAuditEntry, StoryRecord } from '@/domain/schemas';
import type { CorpusStory } from '../corpus/load-corpus';

/** Who makes a change and when: every change is recorded with both. */
export type ChangeBy = { editor: string; at: string };

/** The outcome of a version-checked change: the object and its history entry, or why not. */
export type VersionedChange<T> =
  { kind: 'updated'; value: T; entry: StoryAuditEntry } | { kind: 'stale'; current: T } | { kind: 'not_found' };

/** The fields of a story an edit may change; pinning one story unpins any other. */
export type StoryChanges = { title?: string; summary?: string; archived?: boolean; pinned?: boolean };

export type ArticleChanges = Omit<ArticlePatch, 'url'> & { url?: string | null };

export type StoryImport = {
  story: CorpusStory;
  /** Outlets and actors the document brings; those Parallax already knows are kept as they are. */
  outlets: Outlet[];
  actors: Actor[];
};

export type ImportOutcome =
  | { kind: 'imported'; record: StoryRecord; entry: StoryAuditEntry }
  /** An id the document uses is taken (the story's, or an article's, claim's, mention's, event's). */
  | { kind: 'taken'; what: string; id: string };

/**
 * Stories and articles as the desk edits them. Every change checks the version it was based on
 * and writes its history entry in the same transaction, both or neither.
 */
export interface StoryDeskStore {
  /** Adds a story; 'taken' when its id is. */
  createStory(
    story: { id: string; title: string; summary: string },
    by: ChangeBy,
  ): Promise<{ kind: 'created'; record: StoryRecord; entry: StoryAuditEntry } | { kind: 'taken' }>;
  getStoryRecord(storyId: string): Promise<StoryRecord | null>;
  updateStory(
    storyId: string,
    expectedVersion: number,
    changes: StoryChanges,
    by: ChangeBy,
  ): Promise<VersionedChange<StoryRecord>>;
  /** The article's metadata, removed or not; null when there is no such article. */
  getArticleRecord(articleId: string): Promise<ArticleRecord | null>;
  /** Changes an article's metadata, adding `newOutlet` first when it is given. */
  updateArticle(
    articleId: string,
    expectedVersion: number,
    changes: ArticleChanges,
    by: ChangeBy,
  ): Promise<VersionedChange<ArticleRecord>>;
  /**
   * Removes an article (true) or brings it back (false): it and its mentions leave every view
   * and count, and return as they were. The rows are kept, so the removal can be undone.
   */
  setArticleRemoved(
    articleId: string,
    expectedVersion: number,
    removed: boolean,
    by: ChangeBy,
  ): Promise<VersionedChange<ArticleRecord>>;
  /** The accepted changes of a story and its articles, oldest first. */
  listStoryAudit(storyId: string): Promise<StoryAuditEntry[]>;
  /** Adds a whole story from a validated document, all or nothing. */
  importStory(document: StoryImport, by: ChangeBy): Promise<ImportOutcome>;
}
