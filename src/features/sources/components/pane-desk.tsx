import { useId, useRef, useState, type RefObject } from 'react';
import { MentionEditor } from '@/components/desk/mention-editor';
import { UndoNotice } from '@/components/desk/undo-notice';
import type { Article, ArticleMeta, Mention } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { useTextSelection } from '../hooks/use-text-selection';
import { SelectionMenu } from './selection-menu';
import './pane-desk.css';

export type PaneDeskProps = {
  /** The pane's text, where words are selected. */
  text: RefObject<HTMLElement | null>;
  /** The pane, where the button beside the selection is placed. */
  pane: RefObject<HTMLElement | null>;
  meta: ArticleMeta;
  name: string;
  article: Article;
  /** The article's mentions with their evidence. */
  mentions: readonly Mention[];
  index: AnyStoryIndex;
  selectedClaim: string | null;
};

/**
 * An editor's tools in a pane: words selected in its text become evidence for a claim, a new
 * claim or a timeline event (from a button beside the selection, or in the pane's bar, for
 * the keyboard); a highlight's claim, once selected, offers its mentions here to edit.
 */
export function PaneDesk({ text, pane, meta, name, article, mentions, index, selectedClaim }: PaneDeskProps) {
  const { selection, clear } = useTextSelection(text, {
    body: article.body,
    paragraphs: article.paragraphs,
    within: pane,
  });
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const panelId = useId();
  const ofClaim = selectedClaim === null ? [] : mentions.filter((m) => m.claim === selectedClaim);
  // A mention deleted (here or elsewhere) takes its editor with it.
  const edited = editing === null ? undefined : mentions.find((m) => m.id === editing);

  const openMenu = (from: HTMLButtonElement) => {
    opener.current = from;
    setEditing(null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const done = () => {
    setOpen(false);
    clear();
    document.getSelection()?.removeAllRanges();
    text.current?.focus();
  };

  const label = selection ? `Use the selected words “${shorten(selection.exact)}”` : null;
  return (
    <div className="pane-desk">
      <div className="pane-desk__bar" role="toolbar" aria-label={`Evidence tools for ${name}`}>
        {selection && label ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => openMenu(e.currentTarget)}
          >
            {label}
          </button>
        ) : (
          <span className="pane-desk__hint">Select words in the text to record evidence, a claim or an event.</span>
        )}
        {ofClaim.map((mention, i) => (
          <button
            key={mention.id}
            type="button"
            aria-expanded={editing === mention.id}
            onClick={() => {
              setOpen(false);
              setEditing(editing === mention.id ? null : mention.id);
            }}
          >
            Edit mention{ofClaim.length > 1 ? ` ${i + 1}` : ''} ({mention.stance})
          </button>
        ))}
      </div>
      {selection?.at && !open ? (
        <button
          type="button"
          className="pane-desk__float"
          style={{ top: selection.at.top, left: selection.at.left }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => openMenu(e.currentTarget)}
          aria-label={`Record the selected words “${shorten(selection.exact)}”`}
        >
          Record…
        </button>
      ) : null}
      <UndoNotice where={meta.id} />
      {open && selection ? (
        <SelectionMenu
          id={panelId}
          meta={meta}
          name={name}
          article={article}
          index={index}
          mentions={mentions}
          selection={selection}
          selectedClaim={selectedClaim}
          onClose={close}
          onDone={done}
        />
      ) : null}
      {edited ? (
        <section
          className="pane-desk__panel"
          role="dialog"
          aria-label={`Edit the mention of “${index.claims.get(edited.claim)?.text ?? edited.claim}” in ${name}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(null);
          }}
        >
          <MentionEditor
            key={edited.id}
            mention={edited}
            outletName={name}
            storyId={meta.story}
            publishedBy={meta.outlet}
            where={meta.id}
            selection={
              selection ? { start: selection.range[0], end: selection.range[1], exact: selection.exact } : null
            }
          />
          <button type="button" onClick={() => setEditing(null)}>
            Close the mention editor
          </button>
        </section>
      ) : null}
    </div>
  );
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
