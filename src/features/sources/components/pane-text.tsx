import type { SegmentRef } from '@/domain/evidence-layout';
import type { Furniture } from '@/domain/schemas';
import type { TextHit } from '@/domain/text-search';
import type { PaneModel } from '../model/pane-marks';
import { PaneParagraph } from './pane-paragraph';

type PaneTextProps = {
  model: PaneModel;
  body: string;
  furniture: readonly Furniture[] | undefined;
  selectedClaim: string | null;
  activePassage: string | null;
  /** The segment the tooltip describes. */
  described: SegmentRef | null;
  tipId: string;
  passageLabels: ReadonlyMap<string, string>;
  /** The search words found, by paragraph, each paragraph's first hit numbered among the pane's. */
  hits?: readonly ParagraphHits[];
  /** The hit the reader stepped to. */
  currentHit?: number | null;
};

const NO_HITS: readonly TextHit[] = [];

export type ParagraphHits = { first: number; hits: readonly TextHit[] };

/** A pane's hits grouped by the paragraph they stand in (a hit belongs to the paragraph it starts in). */
export function hitsByParagraph(
  paragraphs: readonly { start: number; end: number }[],
  hits: readonly TextHit[],
): ParagraphHits[] {
  let next = 0;
  return paragraphs.map((paragraph) => {
    const first = next;
    while (next < hits.length && (hits[next] as TextHit).start < paragraph.end) next += 1;
    return { first, hits: next > first ? hits.slice(first, next) : NO_HITS };
  });
}

/**
 * The article's paragraphs. Each paragraph is told of the selection only when it shows it, so a
 * new selection re-draws the paragraphs it concerns, not the whole text.
 */
export function PaneText({
  model,
  body,
  furniture,
  selectedClaim,
  activePassage,
  described,
  tipId,
  passageLabels,
  hits,
  currentHit = null,
}: PaneTextProps) {
  return model.layout.paragraphs.map((paragraph, p) => {
    const found = hits?.[p];
    const current =
      found && currentHit !== null && currentHit >= found.first && currentHit < found.first + found.hits.length
        ? currentHit
        : null;
    return (
      <PaneParagraph
        key={paragraph.start}
        furniture={furnitureOf(furniture, paragraph.start, paragraph.end)}
        paragraph={paragraph}
        index={p}
        body={body}
        marks={model.marks}
        starts={model.startsAt[p] ?? []}
        selectedClaim={selectedClaim !== null && model.paragraphClaims[p]?.has(selectedClaim) ? selectedClaim : null}
        activePassage={activePassage !== null && model.paragraphPassages[p]?.has(activePassage) ? activePassage : null}
        describedSegment={described?.paragraph === p ? described.segment : null}
        tipId={tipId}
        passageLabels={passageLabels}
        hits={found?.hits}
        firstHit={found?.first}
        currentHit={current}
      />
    );
  });
}

/** The furniture a paragraph lies inside, if it is furniture through and through. */
function furnitureOf(furniture: readonly Furniture[] | undefined, start: number, end: number): Furniture | null {
  return furniture?.find((piece) => piece.start <= start && end <= piece.end) ?? null;
}
