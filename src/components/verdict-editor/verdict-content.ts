import type { EvidenceRef, Verdict, VerdictContent, VerdictStatus } from '@/domain/schemas';

export const VERDICT_LABELS: Record<VerdictStatus, string> = {
  unreviewed: 'Unreviewed',
  verified: 'Verified',
  disputed: 'Disputed',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
};

/** Glyphs carry the status for readers who cannot tell the colours apart. */
export const VERDICT_GLYPHS: Record<VerdictStatus, string> = {
  unreviewed: '○',
  verified: '✓',
  disputed: '?',
  false: '✕',
  misleading: '≈',
  unverifiable: '∅',
};

export function contentOf(verdict: Verdict): VerdictContent {
  return { status: verdict.status, note: verdict.note, evidence: verdict.evidence ?? [] };
}

const refKey = (ref: EvidenceRef) => (ref.kind === 'mention' ? `mention:${ref.mention}` : `url:${ref.url}`);

export function sameEvidence(a: readonly EvidenceRef[], b: readonly EvidenceRef[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(refKey));
  return b.every((ref) => keys.has(refKey(ref)));
}

export function sameContent(a: VerdictContent, b: VerdictContent): boolean {
  return a.status === b.status && a.note === b.note && sameEvidence(a.evidence, b.evidence);
}

export type ChangedField = 'status' | 'note' | 'evidence';

/** Which parts of the verdict differ between two versions. */
export function changedFields(from: VerdictContent, to: VerdictContent): ChangedField[] {
  const fields: ChangedField[] = [];
  if (from.status !== to.status) fields.push('status');
  if (from.note !== to.note) fields.push('note');
  if (!sameEvidence(from.evidence, to.evidence)) fields.push('evidence');
  return fields;
}
