import type { Mention, StanceCell } from '@/domain/schemas';
import { formatAttribution, stepName, type AnyStoryIndex } from '@/domain/story-index';

/** Who the publisher had the claim from: the chain without the publisher itself; empty for its own voice. */
export function mentionVia(index: AnyStoryIndex, mention: Pick<StanceCell, 'attribution'>): string {
  return mention.attribution.length > 1 ? formatAttribution(index, mention.attribution.slice(0, -1)) : '';
}

/** What a screen reader says for a cell: each mention's stance and where it came from. */
export function cellLabel(index: AnyStoryIndex, mentions: readonly StanceCell[] | undefined): string {
  if (!mentions || mentions.length === 0) return 'silent';
  return mentions
    .map((mention) => {
      const via = mentionVia(index, mention);
      return via ? `${mention.stance} via ${via}` : `${mention.stance}, in its own voice`;
    })
    .join('; ');
}

/** The short hint under a cell's glyphs: "via Egyptian sources", or how many mentions it holds. */
export function cellHint(index: AnyStoryIndex, mentions: readonly StanceCell[] | undefined): string {
  if (!mentions || mentions.length === 0) return '';
  if (mentions.length > 1) return `${mentions.length} mentions`;
  const [first] = mentions[0]?.attribution ?? [];
  return mentions[0] && mentions[0].attribution.length > 1 && first ? `via ${stepName(index, first)}` : '';
}

/** The quotes of a cell, for the focused cell's description. */
export function evidenceText(mentions: readonly Pick<Mention, 'spans'>[]): string {
  return mentions.map((mention) => mention.spans.map((span) => `“${span.exact}”`).join(' … ')).join(' / ');
}
