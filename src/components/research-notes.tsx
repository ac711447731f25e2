import { readableReferences } from '@/domain/article-references';
import type { AnyStoryIndex } from '@/domain/story-index';
import './research-notes.css';

type ResearchNotesProps = {
  ids: readonly string[] | undefined;
  index: AnyStoryIndex;
  /** What the notes back, for the list's accessible name: "the date", "the attribution". */
  what: string;
};

/**
 * The research notes a basis relies on, shown where the basis is: the fact, and where it comes
 * from. A fact from outside the articles is never shown without its source.
 */
export function ResearchNotes({ ids, index, what }: ResearchNotesProps) {
  const notes = (ids ?? []).map((id) => ({ id, note: index.notes.get(id) }));
  if (notes.length === 0) return null;
  return (
    <ul className="research-notes" aria-label={`Research behind ${what}`}>
      {notes.map(({ id, note }) => (
        <li key={id} className="research-note">
          <span className="research-note__tag">research</span>{' '}
          {note ? (
            <>
              {readableReferences(note.text, index)}{' '}
              <span className="research-note__source">Source: {readableReferences(note.source, index)}</span>
            </>
          ) : (
            <>a note “{id}” this story does not have</>
          )}
        </li>
      ))}
    </ul>
  );
}
