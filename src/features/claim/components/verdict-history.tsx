import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { AuditEntry, EvidenceRef } from '@/domain/schemas';
import { claimQueries } from '@/lib/api/claim-queries';
import { formatDateTime } from '@/lib/format-date-time';
import { VERDICT_LABELS } from '@/components/verdict-editor/verdict-content';

const evidenceCount = ({ length }: readonly EvidenceRef[]) =>
  length === 0 ? 'none' : length === 1 ? '1 piece of evidence' : `${length} pieces of evidence`;

function describeChange({ from, to, action }: AuditEntry): string[] {
  if (action === 'evidence_reviewed') return ['Reviewed the evidence that changed since the verdict'];
  const lines: string[] = [];
  if (from.status !== to.status) lines.push(`${VERDICT_LABELS[from.status]} → ${VERDICT_LABELS[to.status]}`);
  if (JSON.stringify(from.evidence) !== JSON.stringify(to.evidence)) {
    lines.push(`Evidence: ${evidenceCount(from.evidence)} → ${evidenceCount(to.evidence)}`);
  }
  if (lines.length === 0 && from.note === to.note) lines.push(`${VERDICT_LABELS[to.status]}, unchanged`);
  return lines;
}

/** Who saved a version, from the history itself. */
function conflictEditor(entries: readonly AuditEntry[], version: number): string {
  return entries.find((entry) => entry.version === version)?.editor ?? 'another editor';
}

/** Every accepted change of the claim's verdict, newest first: who, when, from what, to what. */
export function VerdictHistory({ claimId }: { claimId: string }) {
  const id = useId();
  const history = useQuery(claimQueries.history(claimId));
  return (
    <section className="verdict-history" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>History</h3>
      {history.isPending ? (
        <p role="status">Loading the history…</p>
      ) : history.isError ? (
        <div role="alert" className="query-status--error">
          <p>Could not load the history. {history.error.message}</p>
          <button type="button" onClick={() => void history.refetch()}>
            Retry
          </button>
        </div>
      ) : history.data.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <ol className="verdict-history__list">
          {history.data.toReversed().map((entry, _, newestFirst) => (
            <li key={entry.id} className="verdict-history__entry">
              <p className="verdict-history__head">
                <strong>{entry.editor}</strong> · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · version{' '}
                {entry.version}
              </p>
              {describeChange(entry).map((line) => (
                <p key={line} className="verdict-history__change">
                  {line}
                </p>
              ))}
              {entry.conflictWith !== undefined ? (
                <p className="verdict-history__conflict">
                  <span aria-hidden="true">⚠ </span>
                  After a conflict: saved over {conflictEditor(newestFirst, entry.conflictWith)}’s version{' '}
                  {entry.conflictWith}, which was saved while this editor was editing; compared, then re-applied.
                </p>
              ) : null}
              {entry.from.note !== entry.to.note ? (
                <p className="verdict-history__note">Note: {entry.to.note ? `“${entry.to.note}”` : '(removed)'}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
