import type { SegmentRef } from '@/domain/evidence-layout';
import type { Furniture } from '@/domain/schemas';
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
};

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
}: PaneTextProps) {
  return model.layout.paragraphs.map((paragraph, p) => (
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
    />
  ));
}

/** The furniture a paragraph lies inside, if it is furniture through and through. */
function furnitureOf(furniture: readonly Furniture[] | undefined, start: number, end: number): Furniture | null {
  return furniture?.find((piece) => piece.start <= start && end <= piece.end) ?? null;
}
