import { layoutEvidence, type EvidenceLayout } from '@/domain/evidence-layout';
import type { CharRange, Mention, Passage, Stance } from '@/domain/schemas';

export type EvidenceMark = {
  kind: 'evidence';
  start: number;
  end: number;
  mention: Mention;
  claim: string;
  stance: Stance;
};

export type PassageMark = { kind: 'passage'; start: number; end: number; passage: Passage };

export type PaneMark = EvidenceMark | PassageMark;

/** What a pane draws over its text, laid out once per article. */
export type PaneModel = {
  /** In reading order: by start, the longer first. */
  marks: PaneMark[];
  layout: EvidenceLayout;
  /** For each paragraph, the claims and passages it shows, so a selection re-draws only those. */
  paragraphClaims: Set<string>[];
  paragraphPassages: Set<string>[];
  /** For each paragraph and segment, the marks that begin there (where a glyph or a passage link goes). */
  startsAt: number[][][];
};

export function buildPaneModel(
  articleId: string,
  paragraphs: readonly CharRange[],
  mentions: readonly Mention[],
  passages: readonly Passage[],
): PaneModel {
  const marks: PaneMark[] = [];
  for (const mention of mentions) {
    for (const span of mention.spans) {
      if (span.article !== articleId) continue;
      marks.push({
        kind: 'evidence',
        start: span.start,
        end: span.end,
        mention,
        claim: mention.claim,
        stance: mention.stance,
      });
    }
  }
  for (const passage of passages) {
    for (const span of passage.spans) {
      if (span.article === articleId) marks.push({ kind: 'passage', start: span.start, end: span.end, passage });
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const layout = layoutEvidence(paragraphs, marks);
  const paragraphClaims = layout.paragraphs.map(() => new Set<string>());
  const paragraphPassages = layout.paragraphs.map(() => new Set<string>());
  layout.paragraphs.forEach((paragraph, p) => {
    for (const segment of paragraph.segments) {
      for (const i of segment.marks) {
        const mark = marks[i] as PaneMark;
        if (mark.kind === 'evidence') paragraphClaims[p]?.add(mark.claim);
        else paragraphPassages[p]?.add(mark.passage.id);
      }
    }
  });
  const startsAt = layout.paragraphs.map((paragraph) => paragraph.segments.map((): number[] => []));
  layout.firstSegment.forEach((where, i) => {
    if (where) startsAt[where.paragraph]?.[where.segment]?.push(i);
  });
  return { marks, layout, paragraphClaims, paragraphPassages, startsAt };
}

/** Evidence marks to step through: those of `claim` when the pane carries it, otherwise all. */
export function navigationTargets(model: PaneModel, claim: string | null): number[] {
  const evidence = model.marks.flatMap((mark, i) =>
    mark.kind === 'evidence' && model.layout.firstSegment[i] ? [i] : [],
  );
  if (claim === null) return evidence;
  const ofClaim = evidence.filter((i) => (model.marks[i] as EvidenceMark).claim === claim);
  return ofClaim.length > 0 ? ofClaim : evidence;
}

/** The claims over a piece of text, each once, in reading order. */
export function claimsOf(marks: readonly PaneMark[], indices: readonly number[]): string[] {
  const claims: string[] = [];
  for (const i of indices) {
    const mark = marks[i];
    if (mark?.kind === 'evidence' && !claims.includes(mark.claim)) claims.push(mark.claim);
  }
  return claims;
}

/**
 * The claim a click on a piece of text selects: its first claim, or the next one after the
 * selected claim, so repeated clicks on overlapping evidence reach every claim in turn.
 */
export function claimToSelect(claims: readonly string[], selected: string | null): string | null {
  if (claims.length === 0) return null;
  const at = selected === null ? -1 : claims.indexOf(selected);
  return claims[(at + 1) % claims.length] ?? null;
}
