import { useEffect, useId, useRef } from 'react';
import type { Verdict, VerdictContent } from '@/domain/schemas';
import { formatDateTime } from '@/lib/format-date-time';
import { evidenceText, type MentionLabels } from './evidence-list';
import { changedFields, contentOf, VERDICT_LABELS, type ChangedField } from './verdict-content';

type VerdictConflictProps = {
  /** The verdict the draft started from. */
  base: Verdict;
  /** The verdict another editor saved meanwhile. */
  theirs: Verdict;
  mine: VerdictContent;
  labels: MentionLabels;
  saving: boolean;
  onReapply: () => void;
  onDiscard: () => void;
};

const FIELD_NAMES: Record<ChangedField, string> = { status: 'Status', note: 'Note', evidence: 'Evidence' };

function fieldText(content: VerdictContent, field: ChangedField, labels: MentionLabels): string {
  if (field === 'status') return VERDICT_LABELS[content.status];
  if (field === 'note') return content.note || '(no note)';
  return content.evidence.length ? content.evidence.map((ref) => evidenceText(ref, labels)).join('; ') : '(none)';
}

/**
 * What another editor changed while this one was editing: the verdict as it was, as they
 * left it, and this editor's draft, side by side; then re-apply the draft over theirs, or
 * drop it and keep theirs.
 */
export function VerdictConflict({ base, theirs, mine, labels, saving, onReapply, onDiscard }: VerdictConflictProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const before = contentOf(base);
  const after = contentOf(theirs);
  const theirChanges = new Set(changedFields(before, after));
  const rows = (['status', 'note', 'evidence'] as const).filter(
    (field) => theirChanges.has(field) || changedFields(before, mine).includes(field),
  );

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="verdict-conflict" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Another editor changed this verdict
      </h4>
      <p>
        {theirs.editor ?? 'Someone'} saved it
        {theirs.at ? (
          <>
            {' '}
            at <time dateTime={theirs.at}>{formatDateTime(theirs.at)}</time>
          </>
        ) : null}{' '}
        while you were editing. Your changes are not saved.
      </p>
      <table className="verdict-conflict__table">
        <caption className="visually-hidden">Your changes and theirs</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you started</th>
            <th scope="col">Theirs, now saved</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((field) => (
            <tr key={field}>
              <th scope="row">{FIELD_NAMES[field]}</th>
              <td>{fieldText(before, field, labels)}</td>
              <td className={theirChanges.has(field) ? 'verdict-conflict__changed' : undefined}>
                {fieldText(after, field, labels)}
                {theirChanges.has(field) ? <span className="verdict-conflict__mark"> (changed)</span> : null}
              </td>
              <td>{fieldText(mine, field, labels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="verdict__actions">
        <button type="button" onClick={onReapply} disabled={saving}>
          {saving ? 'Saving…' : 'Re-apply my changes'}
        </button>
        <button type="button" onClick={onDiscard} disabled={saving}>
          Discard mine, keep theirs
        </button>
      </div>
    </section>
  );
}
