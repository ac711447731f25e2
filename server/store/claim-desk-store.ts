import type {
  Actor,
  AttributionStep,
  Claim,
  DeskEdit,
  DeskObjectKind,
  Mention,
  Span,
  Stance,
  Topic,
  VersionedMention,
} from '@/domain/schemas';

/** Who makes a change, and when. */
export type DeskAuthor = { editor: string; at: string };

/**
 * The outcome of a change of the desk's own work: done (with the audit entry written in the
 * same transaction), refused because the object moved on since `expectedVersion` (with the
 * object as it now stands), unknown, or refused for a reason the editor is told.
 */
export type DeskResult<T, Current = T> =
  | { kind: 'done'; value: T; edit: DeskEdit }
  | { kind: 'stale'; current: Current }
  | { kind: 'not_found' }
  | { kind: 'refused'; status: 400 | 409; code: string; message: string; field: string };

/** A stored mention with the story it belongs to. */
export type StoredMention = VersionedMention & { story: string };

export type MentionChanges = { stance?: Stance; attribution?: AttributionStep[]; spans?: Span[] };

/**
 * Claims, topics, mentions and actors as editors create, correct and remove them. Every change
 * checks the object's version, raises it, and appends its audit entry, all in one transaction;
 * the latest change of an object can be undone while nothing has changed it since.
 */
export interface ClaimDeskStore {
  createClaim(claim: Claim, by: DeskAuthor): Promise<DeskResult<Claim>>;
  editClaim(
    change: { id: string; expectedVersion: number; text?: string; topic?: string },
    by: DeskAuthor,
  ): Promise<DeskResult<Claim>>;
  /** Folds a duplicate into another claim of its story: its mentions move, it keeps its row and points there. */
  mergeClaim(
    change: { id: string; into: string; expectedVersion: number },
    by: DeskAuthor,
  ): Promise<DeskResult<{ claim: Claim; into: Claim }, Claim>>;
  /** Removes (hides, restorably) a claim that has no mentions. */
  removeClaim(change: { id: string; expectedVersion: number }, by: DeskAuthor): Promise<DeskResult<Claim>>;
  undoClaim(change: { id: string; expectedVersion: number }, by: DeskAuthor): Promise<DeskResult<Claim, Claim | null>>;
  /** Where a merged claim went (following merges of merges), or null when it was not merged. */
  claimRedirect(id: string): Promise<string | null>;

  listTopics(storyId: string): Promise<Topic[]>;
  renameTopic(
    change: { story: string; from: string; to: string; expectedVersion: number },
    by: DeskAuthor,
  ): Promise<DeskResult<Topic>>;
  undoTopic(
    change: { story: string; name: string; expectedVersion: number },
    by: DeskAuthor,
  ): Promise<DeskResult<Topic>>;

  getMention(id: string): Promise<StoredMention | null>;
  createMention(mention: Mention, by: DeskAuthor): Promise<DeskResult<StoredMention>>;
  editMention(
    change: { id: string; expectedVersion: number } & MentionChanges,
    by: DeskAuthor,
  ): Promise<DeskResult<StoredMention>>;
  /** Removes a mention that no event or verdict cites; its audit entry keeps all of it, for undo. */
  removeMention(change: { id: string; expectedVersion: number }, by: DeskAuthor): Promise<DeskResult<StoredMention>>;
  undoMention(
    change: { id: string; expectedVersion: number },
    by: DeskAuthor,
  ): Promise<DeskResult<StoredMention | null, StoredMention | null>>;

  createActor(actor: Actor, story: string, by: DeskAuthor): Promise<DeskResult<Actor>>;

  /** The audit entries of one object, oldest first (for a claim, also merges into it). */
  listDeskEdits(kind: DeskObjectKind, object: string): Promise<DeskEdit[]>;
}
