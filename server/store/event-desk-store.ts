import type { EventAuditEntry, StoryEvent, VersionedEvent } from '@/domain/schemas';

/** A change to an event, based on the version the editor saw; any other current version refuses it. */
export type EventChangeBase = { id: string; expectedVersion: number; editor: string; at: string };

export type EventWriteResult<T> =
  | { kind: 'done'; value: T; entry: EventAuditEntry }
  /** The event moved on: as it now stands (null when it is removed), with its version. */
  | { kind: 'stale'; current: VersionedEvent | null; version: number }
  | { kind: 'not_found' };

/** Events edited in the app: each change versioned and recorded in the event's history, atomically. */
export interface EventDeskStore {
  /** An event with its version, or null when there is none (or it is removed). */
  getEvent(eventId: string): Promise<VersionedEvent | null>;
  /** Adds an event at version 1; 'exists' when its id is or was taken (a removed event keeps its id). */
  createEvent(input: {
    event: StoryEvent;
    editor: string;
    at: string;
  }): Promise<{ kind: 'created'; value: VersionedEvent; entry: EventAuditEntry } | { kind: 'exists' }>;
  /** Replaces the event's fields (never its id or story). */
  updateEvent(change: EventChangeBase & { event: StoryEvent }): Promise<EventWriteResult<VersionedEvent>>;
  /** Removes the event; the removal has a version of its own, which a restore names. */
  removeEvent(change: EventChangeBase): Promise<EventWriteResult<{ event: StoryEvent; version: number }>>;
  /** Puts a removed event back as it was, when its removal is still the last change. */
  restoreEvent(change: EventChangeBase): Promise<EventWriteResult<VersionedEvent>>;
  /** Every accepted change of an event, oldest first; entries are never changed or removed. */
  listEventHistory(eventId: string): Promise<EventAuditEntry[]>;
}
