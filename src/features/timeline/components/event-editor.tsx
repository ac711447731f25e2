import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { StanceCell } from '@/domain/schemas';
import type { AnyStoryIndex, StoryParts } from '@/domain/story-index';
import { eventQueries, useEventChange, type EventChange } from '../api/event-queries';
import { draftOf, emptyDraft, newEventOf, patchOf, type EventDraft } from '../model/event-draft';
import { EventForm } from './event-form';

type EventEditorProps = {
  /** The event to edit, or null to add one. */
  eventId: string | null;
  bundle: StoryParts<StanceCell>;
  index: AnyStoryIndex;
  onSaved: (change: EventChange) => void;
  onCancel: () => void;
};

/** The event form, started from the event as the server has it now (with the version it will be based on). */
export function EventEditor({ eventId, bundle, index, onSaved, onCancel }: EventEditorProps) {
  const current = useQuery({ ...eventQueries.detail(eventId ?? ''), enabled: eventId !== null });
  const change = useEventChange();
  // The version the draft started from: a change another editor saves meanwhile refuses this one.
  const baseVersion = useRef<number | null>(null);
  useEffect(() => {
    if (current.data && baseVersion.current === null) baseVersion.current = current.data.version;
  }, [current.data]);

  const save = async (draft: EventDraft) => {
    const saved =
      eventId === null
        ? await change.mutateAsync({ kind: 'create', story: bundle.story.id, body: newEventOf(draft) })
        : await change.mutateAsync({
            kind: 'edit',
            id: eventId,
            version: baseVersion.current ?? current.data?.version ?? 1,
            patch: patchOf(draft),
          });
    onSaved(saved);
  };

  if (eventId !== null && !current.data) {
    return (
      <aside className="tl-details" aria-live="polite">
        <p>{current.isError ? `Could not load the event: ${current.error.message}` : 'Loading the event…'}</p>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </aside>
    );
  }
  return (
    <EventForm
      eventId={eventId}
      initial={current.data ? draftOf(current.data) : emptyDraft()}
      bundle={bundle}
      index={index}
      saving={change.isPending}
      onSave={save}
      onCancel={onCancel}
    />
  );
}
