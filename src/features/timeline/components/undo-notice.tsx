import { useEffect, useRef } from 'react';
import type { EventChange } from '../api/event-queries';

/** What the last accepted change did, as the notice says it. */
export function changeText(change: EventChange): string {
  const title = `“${change.event.title}”`;
  switch (change.kind) {
    case 'created':
      return `Event ${title} added.`;
    case 'edited':
      return `Event ${title} changed.`;
    case 'removed':
      return `Event ${title} deleted.`;
    case 'restored':
      return `Event ${title} restored.`;
  }
}

export type UndoState =
  | { kind: 'done'; change: EventChange }
  | { kind: 'undoing'; change: EventChange }
  | { kind: 'undone'; change: EventChange }
  | { kind: 'failed'; change: EventChange; message: string };

/**
 * The last change made here, with Undo: replays its inverse based on the version the change
 * left (so a change another editor made since is not overwritten), itself recorded in the history.
 */
export function UndoNotice({
  state,
  onUndo,
  onDismiss,
}: {
  state: UndoState;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const textRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The Undo button is gone once used: focus stays in the notice, on what happened.
    if (state.kind === 'undone' || state.kind === 'failed') textRef.current?.focus();
  }, [state.kind]);

  const text =
    state.kind === 'undone'
      ? `Undone: ${changeText(state.change)}`
      : state.kind === 'failed'
        ? `Could not undo: ${state.message}`
        : changeText(state.change);
  return (
    <div className="notice tl-undo" role="status">
      <p ref={textRef} tabIndex={-1}>
        {text}
      </p>
      {state.kind === 'done' || state.kind === 'undoing' ? (
        <button type="button" onClick={onUndo} disabled={state.kind === 'undoing'}>
          {state.kind === 'undoing' ? 'Undoing…' : 'Undo'}
        </button>
      ) : null}
      <button type="button" onClick={onDismiss}>
        Dismiss<span className="visually-hidden"> the notice</span>
      </button>
    </div>
  );
}
