import { useQueryClient } from '@tanstack/react-query';
import { versionedMentionSchema } from '@/domain/schemas';
import { claimDeskQueries, useDeskChange } from '@/lib/api/claim-desk-queries';
import { useDeskNotice } from '../store/undo-store';

/** The outcome of the latest change, announced, with Undo while nothing has changed the object since. */
export function UndoNotice() {
  const notice = useDeskNotice((s) => s.notice);
  const show = useDeskNotice((s) => s.show);
  const change = useDeskChange();
  const client = useQueryClient();
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
                  onDone: (answer) => {
                    // A mention brought back or set back: its editor saves on from the new version.
                    const mention = versionedMentionSchema.safeParse(answer);
                    if (mention.success)
                      client.setQueryData(claimDeskQueries.mention(mention.data.id).queryKey, mention.data);
                    show('Undone.', null);
                  },
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
