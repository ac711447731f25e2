import { useQueryClient } from '@tanstack/react-query';
import { versionedMentionSchema } from '@/domain/schemas';
import { claimDeskQueries, useDeskChange } from '@/lib/api/claim-desk-queries';
import { useDeskNotice, type UndoTicket } from './undo-store';
import './desk.css';

type Props = {
  /** The place whose changes this notice reports (a pane of Sources); the claim view's by default. */
  where?: string;
};

/** The outcome of the latest change, announced, with Undo while nothing has changed the object since. */
export function UndoNotice({ where }: Props) {
  const notice = useDeskNotice((s) => s.notice);
  const show = useDeskNotice((s) => s.show);
  const change = useDeskChange();
  const client = useQueryClient();
  const here = where ?? null;
  const shown = notice && notice.where === here ? notice : null;

  const undo = (ticket: UndoTicket) =>
    change.mutate({
      method: ticket.method ?? 'POST',
      path: ticket.path,
      ifMatch: ticket.version,
      onDone: (answer) => {
        // A mention brought back or set back: its editor saves on from the new version.
        const mention = versionedMentionSchema.safeParse(answer);
        if (mention.success) client.setQueryData(claimDeskQueries.mention(mention.data.id).queryKey, mention.data);
        if (ticket.then) undo(ticket.then);
        else show('Undone.', null, here);
      },
      onFail: (error) => show(`Not undone: ${error.message}`, null, here),
    });

  return (
    <div role="status" aria-live="polite" className="desk-notice">
      {shown ? (
        <p>
          {shown.text}{' '}
          {shown.undo ? (
            <button type="button" disabled={change.isPending} onClick={() => undo(shown.undo!)}>
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
