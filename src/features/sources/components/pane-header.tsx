import { Suspense, useEffect, useRef } from 'react';
import { PublishedDate } from '@/components/published-date';
import type { ArticleMeta } from '@/domain/schemas';
import { LazyArticleEditor } from './lazy-extras';

type PaneHeaderProps = {
  meta: ArticleMeta;
  /** The outlet's name, for the heading and the controls' names. */
  name: string;
  headingId: string;
  /** Place among the panes, from 0, and how many there are. */
  position: number;
  count: number;
  onMove?: (direction: -1 | 1) => void;
  onClose?: () => void;
  /** Editors correct and remove articles here; nobody else loads that code. */
  editor?: boolean;
};

/** A pane's outlet, headline, date and provenance, with the buttons that move and close it. */
export function PaneHeader({
  meta,
  name,
  headingId,
  position,
  count,
  onMove,
  onClose,
  editor = false,
}: PaneHeaderProps) {
  const controlsRef = useRef<HTMLDivElement>(null);
  const refocusAfterMove = useRef<-1 | 1 | null>(null);

  // Reordering moves this pane in the document, which drops focus: give it back to the control used.
  useEffect(() => {
    const step = refocusAfterMove.current;
    if (step === null) return;
    refocusAfterMove.current = null;
    const buttons = controlsRef.current?.querySelectorAll<HTMLButtonElement>('[data-move]');
    const wanted = [...(buttons ?? [])].find((b) => b.dataset.move === String(step) && !b.disabled);
    const other = [...(buttons ?? [])].find((b) => !b.disabled);
    (wanted ?? other)?.focus();
  }, [position]);

  const move = (direction: -1 | 1) => {
    refocusAfterMove.current = direction;
    onMove?.(direction);
  };

  return (
    <header className="pane__header">
      <p className="pane__outlet">{name}</p>
      <h2 id={headingId} className="pane__title" title={meta.title}>
        {meta.title}
      </h2>
      <p className="pane__meta">
        <PublishedDate published={meta.published} />
        {meta.source.url ? (
          <>
            {' · '}
            <a href={meta.source.url} target="_blank" rel="noopener noreferrer" className="pane__original">
              Original article<span className="visually-hidden"> at {name} (opens in a new tab)</span>
            </a>
          </>
        ) : null}
      </p>
      {meta.provenance ? <p className="pane__provenance">{meta.provenance}</p> : null}
      {editor ? (
        <Suspense fallback={null}>
          <LazyArticleEditor meta={meta} name={name} />
        </Suspense>
      ) : null}
      <div className="pane__controls" ref={controlsRef}>
        {onMove && count > 1 ? (
          <>
            <button
              type="button"
              data-move="-1"
              onClick={() => move(-1)}
              disabled={position === 0}
              aria-label={`Move ${name} left`}
              title="Move left"
            >
              ←
            </button>
            <button
              type="button"
              data-move="1"
              onClick={() => move(1)}
              disabled={position >= count - 1}
              aria-label={`Move ${name} right`}
              title="Move right"
            >
              →
            </button>
          </>
        ) : null}
        {onClose ? (
          <button type="button" className="pane__close" onClick={onClose} aria-label={`Close ${name}`} title="Close">
            ✕
          </button>
        ) : null}
      </div>
    </header>
  );
}
