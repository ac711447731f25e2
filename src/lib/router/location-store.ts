import { confirmLeave } from './leave-guard';

const NAVIGATE_EVENT = 'parallax:navigate';

/** The current location as the app reads it: path and query, no hash. */
export function currentHref(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export type NavigateOptions = { replace?: boolean };

/**
 * Moves to an in-app URL; a new history entry unless `replace`, so back/forward walk the views.
 * A move that would lose unsaved work asks first, and stays put unless the reader agrees.
 */
export function navigate(href: string, { replace = false }: NavigateOptions = {}): void {
  if (href === currentHref()) return;
  if (!confirmLeave(href)) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
