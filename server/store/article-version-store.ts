import type {
  Article,
  ArticleVersion,
  ArticleVersionSummary,
  ArticleVersionsResponse,
  AuditEntry,
  CharRange,
  Claim,
  SpanChange,
} from '@/domain/schemas';

/** A new text for an article, normalized and segmented as added articles are. */
export type NewArticleVersion = {
  articleId: string;
  /** The version the editor's text replaces; any other current version refuses it. */
  expectedVersion: number;
  title: string;
  body: string;
  paragraphs: CharRange[];
  sentences: CharRange[];
  editor: string;
  at: string;
};

export type ArticleVersionResult =
  | {
      kind: 'added';
      article: Article;
      version: ArticleVersionSummary;
      changes: SpanChange[];
      /** Claims with a verdict whose evidence this version changed. */
      flaggedClaims: string[];
    }
  | { kind: 'stale'; current: number }
  | { kind: 'unchanged'; current: number }
  | { kind: 'not_found' };

export type EvidenceReview = { claimId: string; expectedVersion: number; editor: string; at: string };

export type EvidenceReviewResult =
  | { kind: 'reviewed'; claim: Claim; entry: AuditEntry }
  | { kind: 'stale'; claim: Claim }
  | { kind: 'nothing_to_review'; claim: Claim }
  | { kind: 'not_found' };

/** Versions of articles, the evidence they re-anchored, and the verdicts told about it. */
export interface ArticleVersionStore {
  /**
   * Stores a new version of an article in one transaction: keeps the one it replaces,
   * re-anchors every evidence span (kept, changed or unanchored, each change recorded),
   * recomputes the story's shared passages and flags the verdicts whose evidence changed.
   */
  addArticleVersion(input: NewArticleVersion): Promise<ArticleVersionResult>;
  /** The versions of an article, oldest first, with the spans each changed; null for no article. */
  listArticleVersions(articleId: string): Promise<ArticleVersionsResponse | null>;
  getArticleVersion(articleId: string, version: number): Promise<ArticleVersion | null>;
  /**
   * An editor's review of evidence changed since a claim's verdict: clears the flag, moves the
   * verdict to a new version and records the review in its history, all at once.
   */
  reviewEvidence(review: EvidenceReview): Promise<EvidenceReviewResult>;
}
