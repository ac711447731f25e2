import type { EvidenceRef } from '@/domain/schemas';

export type MentionLabels = ReadonlyMap<string, string>;

/** How a piece of evidence reads: the mention's outlet and stance, or the address. */
export function evidenceText(ref: EvidenceRef, labels: MentionLabels): string {
  return ref.kind === 'mention' ? (labels.get(ref.mention) ?? ref.mention) : ref.url;
}

export function EvidenceList({ evidence, labels }: { evidence: readonly EvidenceRef[]; labels: MentionLabels }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="verdict__evidence" aria-label="Evidence">
      {evidence.map((ref) => (
        <li key={ref.kind === 'mention' ? ref.mention : ref.url}>
          {ref.kind === 'mention' ? (
            <>Mention: {evidenceText(ref, labels)}</>
          ) : (
            <a href={ref.url} target="_blank" rel="noopener noreferrer">
              {ref.url}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
