import type { Verdict } from '@/domain/schemas';
import { formatDateTime } from '@/lib/format-date-time';
import { EvidenceList, type MentionLabels } from './evidence-list';
import { VERDICT_GLYPHS, VERDICT_LABELS } from './verdict-content';

export function VerdictStatusBadge({ status }: { status: Verdict['status'] }) {
  return (
    <span className={`verdict-status verdict-status--${status}`}>
      <span aria-hidden="true">{VERDICT_GLYPHS[status]}</span> {VERDICT_LABELS[status]}
    </span>
  );
}

/** The verdict as it stands: status, who set it and when, the note and the evidence. */
export function VerdictSummary({ verdict, labels }: { verdict: Verdict; labels: MentionLabels }) {
  return (
    <div className="verdict__current">
      <p className="verdict__line">
        <VerdictStatusBadge status={verdict.status} />
        {verdict.editor && verdict.at ? (
          <span className="verdict__by">
            {' '}
            by {verdict.editor}, <time dateTime={verdict.at}>{formatDateTime(verdict.at)}</time>
          </span>
        ) : null}
      </p>
      {verdict.note ? <p className="verdict__note">{verdict.note}</p> : null}
      <EvidenceList evidence={verdict.evidence ?? []} labels={labels} />
    </div>
  );
}
