import { useDeskChange } from '@/lib/api/claim-desk-queries';
import { useDeskNotice } from '../store/undo-store';

/** The outcome of the latest change, announced, with Undo while nothing has changed the object since. */
export function UndoNotice() {
  const notice = useDeskNotice((s) => s.notice);
  const show = useDeskNotice((s) => s.show);
  const change = useDeskChange();
  return (
    <div role="status" aria-live="polite" className="desk-notice">
      {notice ? (
        <p>
          {notice.text}{' '}
          {notice.undo ? (
            <button
              type="button"
              disabled={change.isPending}
              onClick={() => {
                const { path, version } = notice.undo!;
                change.mutate({
                  method: 'POST',
                  path,
                  ifMatch: version,
                  onDone: () => show('Undone.', null),
                  onFail: (error) => show(`Not undone: ${error.message}`, null),
                });
              }}
            >
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
