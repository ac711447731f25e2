import type { StoryAuditEntry, StoryRecord } from '@/domain/schemas';
import type { Store } from '../store/store';
import type { ChangeBy } from '../store/story-desk-store';
import { readStoryDocument, storyDocumentOf, type StoryDocument } from './story-document';

/** A stored story as one document in the corpus format, or null when there is no such story. */
export async function exportStory(store: Store, storyId: string): Promise<StoryDocument | null> {
  const bundle = await store.getStoryBundle(storyId);
  if (!bundle) return null;
  return storyDocumentOf(bundle, await store.listStoryArticles(storyId));
}

export type ImportResult =
  | { kind: 'imported'; record: StoryRecord; entry: StoryAuditEntry }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'taken'; field: string; message: string };

/**
 * Adds the story a document holds, checked as the bundled corpus is (one validation for
 * both), all or nothing. `asId` imports it under another id.
 */
export async function importStory(
  store: Store,
  document: unknown,
  { asId, by }: { asId?: string; by: ChangeBy },
): Promise<ImportResult> {
  const [outlets, actors] = await Promise.all([store.listOutlets(), store.listActors()]);
  const read = readStoryDocument(document, { outlets, actors }, asId);
  if (!read.ok) return { kind: 'invalid', field: read.field, message: read.message };
  const outcome = await store.importStory({ story: read.story, outlets: read.outlets, actors: read.actors }, by);
  if (outcome.kind === 'taken') {
    const field = outcome.what === 'story' ? 'id' : `files.${outcome.what}s.json`;
    return {
      kind: 'taken',
      field,
      message:
        outcome.what === 'story'
          ? `a story "${outcome.id}" exists already; import it under another id`
          : `the ${outcome.what} id "${outcome.id}" is taken in this database; import the story into another one`,
    };
  }
  return outcome;
}
