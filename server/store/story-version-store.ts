/** A story's version as the database keeps it: bumped in the transaction of every change to the story. */
export type StoryVersion = {
  /** Tells this database's counter from another's (a copied desk counts anew). */
  epoch: string;
  version: number;
};

/** One changed row of a story: its table, its primary key, and the claim and article it belongs to. */
export type StoryChange = {
  version: number;
  entity: string;
  item: string;
  claim: string | null;
  article: string | null;
};

export type StoryChangesSince =
  | { kind: 'changes'; current: StoryVersion; changes: StoryChange[] }
  /** The version asked about is not this database's, or its changes are no longer listed: read it all again. */
  | { kind: 'unknown'; current: StoryVersion };

/** Story versions: every write path bumps them through the database, none has to remember to. */
export interface StoryVersionStore {
  /** The story's current version, or null when there is no such story. */
  getStoryVersion(storyId: string): Promise<StoryVersion | null>;
  /** What changed in a story after `since` (of `epoch`), oldest first, at most `limit` rows; null when there is no such story. */
  listStoryChanges(storyId: string, since: StoryVersion, limit: number): Promise<StoryChangesSince | null>;
}
