import type { Mention, Publication, PublicationEntry, PublicationState } from '@/domain/schemas';

export type PublicationUpdate = {
  claimId: string;
  /** The publication version the editor saw; any other current version refuses the change. */
  expectedVersion: number;
  state: Exclude<PublicationState, 'unpublished'>;
  editor: string;
  at: string;
};

export type PublicationUpdateResult =
  | { kind: 'updated'; publication: Publication; entry: PublicationEntry }
  | { kind: 'stale'; publication: Publication }
  | { kind: 'not_found' };

/** An annotation imported onto a story: the mention it became and who made it, when. */
export type ImportedAnnotation = {
  mention: string;
  story: string;
  /** The annotation's own id (an IRI) in the collection it came from. */
  annotation: string;
  creator: string | null;
  created: string | null;
  importedBy: string;
  importedAt: string;
};

/** Published verdicts, their append-only history, and the provenance of imported evidence. */
export interface PublicationStore {
  /** The claim's publication (unpublished at version 1 when never changed), or null without the claim. */
  getPublication(claimId: string): Promise<Publication | null>;
  /**
   * Publishes or withdraws only if the version is still `expectedVersion`, recording the
   * history entry with it, atomically.
   */
  updatePublication(update: PublicationUpdate): Promise<PublicationUpdateResult>;
  /** Every publication and withdrawal of a claim, oldest first. */
  listPublicationHistory(claimId: string): Promise<PublicationEntry[]>;
  /** The publications of a story that were ever changed (published now or withdrawn). */
  listStoryPublications(storyId: string): Promise<Publication[]>;
  /**
   * Adds the mentions an import placed, each with the record of where it came from, all or
   * nothing; 'exists' (and no change) when any mention id is taken.
   */
  importAnnotations(items: { mention: Mention; provenance: ImportedAnnotation }[]): Promise<'added' | 'exists'>;
  listImportedAnnotations(storyId: string): Promise<ImportedAnnotation[]>;
}
