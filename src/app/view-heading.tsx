import { useEffect, useRef, useState } from 'react';
import type { UrlState } from '@/domain/url-state';
import { CopyLink } from './copy-link';
import { VIEW_LABELS } from './views';

type ViewHeadingProps = { state: UrlState; storyTitle: string | null; summary: string | null };

/** Which view this is: a new claim is a new view too, a changed filter is not. */
const viewKey = (state: UrlState) => (state.view === 'claim' ? `claim:${state.claim ?? ''}` : state.view);

/**
 * The one `h1` of every view, with its Copy link. After a move to another view, focus lands
 * on this heading (not the page top) and the move is announced, so keyboard and screen-reader
 * users start reading where the new view starts.
 */
export function ViewHeading({ state, storyTitle, summary }: ViewHeadingProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const key = viewKey(state);
  const previousKey = useRef(key);
  const [announcement, setAnnouncement] = useState('');
  const label = VIEW_LABELS[state.view];

  useEffect(() => {
    if (previousKey.current === key) return;
    previousKey.current = key;
    headingRef.current?.focus();
    setAnnouncement(`${label} view`);
  }, [key, label]);

  return (
    <div className="view-head">
      <div className="view-head__row">
        <h1 id="view-heading" className="view-head__title" ref={headingRef} tabIndex={-1}>
          {label}
          {storyTitle ? <span className="visually-hidden">: {storyTitle}</span> : null}
        </h1>
        <CopyLink state={state} />
      </div>
      {state.view === 'sources' && summary ? <p className="view-head__summary">{summary}</p> : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
