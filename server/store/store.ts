import type { Article, StoryBundle, StorySummary } from '../../src/domain/schemas';
import type { Corpus } from '../corpus/load-corpus';

/** What a seeding added: rows that were missing. Existing rows are never overwritten. */
export type SeedReport = {
  stories: number;
  articles: number;
  claims: number;
  mentions: number;
  events: number;
};

/**
 * Where Parallax keeps its data. Asynchronous so that a server database can stand behind
 * it as well as the embedded one.
 */
export interface Store {
  listStories(): Promise<StorySummary[]>;
  getStoryBundle(storyId: string): Promise<StoryBundle | null>;
  getArticle(articleId: string): Promise<Article | null>;
  /** Adds whatever of the corpus is missing; idempotent, and never touches rows that exist. */
  seed(corpus: Corpus): Promise<SeedReport>;
  close(): Promise<void>;
}

export function emptySeedReport(): SeedReport {
  return { stories: 0, articles: 0, claims: 0, mentions: 0, events: 0 };
}
