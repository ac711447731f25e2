import { useSourcesUi } from '../store/sources-ui-store';

/** Says what changed (a claim selected, a pane opened) to screen reader users. */
export function Announcer() {
  const announcement = useSourcesUi((s) => s.announcement);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement.text}
    </p>
  );
}
