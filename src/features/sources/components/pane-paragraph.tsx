import { Fragment, memo, type ReactNode } from 'react';
import type { ParagraphLayout, Segment } from '@/domain/evidence-layout';
import { STANCE_GLYPHS, STANCE_LABELS } from '@/components/stance-badge';
import type { Furniture } from '@/domain/schemas';
import type { TextHit } from '@/domain/text-search';
import type { EvidenceMark, PaneMark } from '../model/pane-marks';

const FURNITURE_LABELS: Record<Furniture['kind'], string> = {
  caption: 'Photo caption',
  'pull-quote': 'Pull-quote',
  credit: 'Credit',
};

type PaneParagraphProps = {
  paragraph: ParagraphLayout;
  /** Set when the paragraph is page furniture (a caption, a repeated pull-quote): drawn muted, labelled. */
  furniture?: Furniture | null;
  index: number;
  body: string;
  marks: readonly PaneMark[];
  /** Marks that begin in each segment of this paragraph. */
  starts: readonly (readonly number[])[];
  /** The selected claim, only when this paragraph shows it (so other paragraphs skip re-drawing). */
  selectedClaim: string | null;
  /** The followed shared passage, only when this paragraph shows it. */
  activePassage: string | null;
  /** The segment whose details are shown, only when it is in this paragraph. */
  describedSegment: number | null;
  tipId: string;
  passageLabels: ReadonlyMap<string, string>;
  /** The search words found in this paragraph, and the number of the first among the pane's hits. */
  hits?: readonly TextHit[];
  firstHit?: number;
  /** The hit the reader stepped to, only when it is in this paragraph. */
  currentHit?: number | null;
};

const NO_HITS: readonly TextHit[] = [];

/** One paragraph of article text, drawn as text nodes and marks: never as HTML. */
export const PaneParagraph = memo(function PaneParagraph({
  paragraph,
  furniture = null,
  index,
  body,
  marks,
  starts,
  selectedClaim,
  activePassage,
  describedSegment,
  tipId,
  passageLabels,
  hits = NO_HITS,
  firstHit = 0,
  currentHit = null,
}: PaneParagraphProps) {
  const found = { hits, first: firstHit, current: currentHit };
  if (furniture) {
    // Furniture is never evidence nor a shared passage, so it has no marks: plain text, labelled.
    return (
      <p className="pane__paragraph pane__paragraph--furniture" title={furniture.note}>
        <span className="pane__furniture-label">{FURNITURE_LABELS[furniture.kind]} · not part of the report: </span>
        {markHits(body, paragraph.start, paragraph.end, found)}
      </p>
    );
  }
  return (
    <p className="pane__paragraph">
      {paragraph.segments.map((segment, s) =>
        renderSegment(segment, s, {
          paragraph: index,
          body,
          marks,
          starts: starts[s] ?? [],
          selectedClaim,
          activePassage,
          described: describedSegment === s,
          tipId,
          passageLabels,
          found,
        }),
      )}
    </p>
  );
});

type SegmentContext = {
  paragraph: number;
  body: string;
  marks: readonly PaneMark[];
  starts: readonly number[];
  selectedClaim: string | null;
  activePassage: string | null;
  described: boolean;
  tipId: string;
  passageLabels: ReadonlyMap<string, string>;
  found: FoundHits;
};

type FoundHits = { hits: readonly TextHit[]; first: number; current: number | null };

/**
 * The text from `start` to `end`, with the search words in it marked. A hit that runs across
 * a mark boundary is drawn in pieces; its first piece carries its number, to step to.
 */
function markHits(body: string, start: number, end: number, found: FoundHits): ReactNode {
  const inside = found.hits.flatMap((hit, i) => (hit.end > start && hit.start < end ? [i] : []));
  if (inside.length === 0) return body.slice(start, end);
  const nodes: ReactNode[] = [];
  let at = start;
  for (const i of inside) {
    const hit = found.hits[i] as TextHit;
    const from = Math.max(hit.start, start);
    const to = Math.min(hit.end, end);
    if (from > at) nodes.push(body.slice(at, from));
    const number = found.first + i;
    const opening = hit.start >= start;
    nodes.push(
      <mark
        key={`hit-${number}-${from}`}
        className={`search-hit${found.current === number ? ' search-hit--current' : ''}`}
        data-hit={opening ? number : undefined}
        tabIndex={opening ? -1 : undefined}
      >
        {body.slice(from, to)}
      </mark>,
    );
    at = to;
  }
  if (at < end) nodes.push(body.slice(at, end));
  return nodes;
}

function renderSegment(segment: Segment, s: number, context: SegmentContext): ReactNode {
  const text = markHits(context.body, segment.start, segment.end, context.found);
  if (segment.marks.length === 0) return <Fragment key={s}>{text}</Fragment>;
  const { marks } = context;
  const evidence: EvidenceMark[] = [];
  const passages: string[] = [];
  for (const i of segment.marks) {
    const mark = marks[i];
    if (mark?.kind === 'evidence') evidence.push(mark);
    else if (mark?.kind === 'passage') passages.push(mark.passage.id);
  }
  const claims = new Set(evidence.map((mark) => mark.claim));
  const selected = context.selectedClaim !== null && claims.has(context.selectedClaim);
  // The selected claim's stance shows through; otherwise the most specific (shortest) evidence.
  const shown =
    evidence.find((mark) => selected && mark.claim === context.selectedClaim) ??
    evidence.reduce<EvidenceMark | undefined>(
      (best, mark) => (!best || mark.end - mark.start < best.end - best.start ? mark : best),
      undefined,
    );
  const className = [
    'hl',
    shown ? `hl--${shown.stance}` : 'hl--plain',
    claims.size > 1 ? 'hl--overlap' : '',
    passages.length > 0 ? 'hl--shared' : '',
    selected ? 'hl--selected' : '',
    context.activePassage !== null && passages.includes(context.activePassage) ? 'hl--followed' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const glyphs = new Set<string>();
  const stances = new Set<string>();
  const links: ReactNode[] = [];
  for (const i of context.starts) {
    const mark = marks[i];
    if (mark?.kind === 'evidence') {
      glyphs.add(STANCE_GLYPHS[mark.stance]);
      stances.add(STANCE_LABELS[mark.stance]);
    } else if (mark?.kind === 'passage') {
      links.push(
        <button
          key={`passage-${i}`}
          type="button"
          className="passage-link"
          data-passage={mark.passage.id}
          aria-label={context.passageLabels.get(mark.passage.id) ?? 'Shared passage'}
          title={context.passageLabels.get(mark.passage.id)}
        >
          ⇄
        </button>,
      );
    }
  }

  return (
    <mark
      key={s}
      className={className}
      data-seg={`${context.paragraph}.${s}`}
      tabIndex={evidence.length > 0 ? -1 : undefined}
      aria-describedby={context.described ? context.tipId : undefined}
    >
      {links}
      {glyphs.size > 0 ? (
        <span className="hl__glyph" aria-hidden="true">
          {[...glyphs].join('')}
        </span>
      ) : null}
      {/* Read in browse mode too, not only on focus: where evidence starts, and with which stance. */}
      {stances.size > 0 ? <span className="visually-hidden">{`[evidence: ${[...stances].join(', ')}] `}</span> : null}
      {text}
    </mark>
  );
}
