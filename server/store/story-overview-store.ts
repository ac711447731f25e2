import type { EvidenceScope, Passage, StoryEvidence, StoryOverview } from '@/domain/schemas';

/** A story in the parts its views need: the first-view overview, and evidence on demand. */
export interface StoryOverviewStore {
  /** The overview of a story, read in one snapshot with the version it is of; null when there is no such story. */
  getStoryOverview(storyId: string): Promise<StoryOverview | null>;
  /** The mentions (with their evidence) of a claim, an article, or one cell, and the article's shared passages. */
  getStoryEvidence(storyId: string, scope: EvidenceScope): Promise<StoryEvidence | null>;
  /** One shared passage of a story, with its places in the live articles; null when there is none such. */
  getStoryPassage(storyId: string, passageId: string): Promise<Passage | null>;
}
