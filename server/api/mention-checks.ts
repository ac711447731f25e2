import {
  singleNode,
  stepSources,
  type Actor,
  type Article,
  type AttributionStep,
  type Outlet,
  type Span,
  type SpanInput,
} from '@/domain/schemas';
import { anchorAt } from '@/domain/span-anchoring';
import { onWordBoundary } from '@/domain/word-boundaries';

/** A refusal of a mention's evidence or chain, naming the field. */
export type MentionProblem = { field: string; message: string };

/**
 * The spans as anchors into the article, or the first that does not resolve: out of the
 * text, not the words the editor saw there, cutting a word, or starting or ending in space.
 */
export function resolveSpans(
  article: Article,
  spans: readonly SpanInput[],
  fieldOf: (index: number) => string = (index) => `spans.${index}`,
): Span[] | MentionProblem {
  const { body } = article;
  const resolved: Span[] = [];
  for (const [i, span] of spans.entries()) {
    const field = fieldOf(i);
    if (span.end <= span.start) return { field, message: `${field}: end must be after start` };
    if (span.end > body.length) {
      return { field, message: `${field}: ends after the article's ${body.length} characters` };
    }
    const text = body.slice(span.start, span.end);
    if (span.exact !== undefined && span.exact !== text) {
      return {
        field,
        message: `${field}: does not resolve: the text at [${span.start}, ${span.end}) is ${JSON.stringify(text)}`,
      };
    }
    if (text.trim() !== text || text.trim() === '') {
      return { field, message: `${field}: must begin and end with a word, not with space` };
    }
    if (!onWordBoundary(body, span.start) || !onWordBoundary(body, span.end)) {
      return { field, message: `${field}: must start and end on word boundaries, not inside a word` };
    }
    if (resolved.some((other) => other.start < span.end && span.start < other.end)) {
      return { field, message: `${field}: overlaps another span of the mention` };
    }
    resolved.push({ ...anchorAt(body, span.start, span.end), article: article.id });
  }
  return resolved;
}

/** Every source of the chain is known, and it ends with the outlet that published the article. */
export function checkChain(
  chain: readonly AttributionStep[],
  article: Article,
  known: { actors: readonly Actor[]; outlets: readonly Outlet[] },
): MentionProblem | null {
  const actors = new Set(known.actors.map((a) => a.id));
  const outlets = new Set(known.outlets.map((o) => o.id));
  for (const [i, step] of chain.entries()) {
    const nodes = stepSources(step);
    for (const [j, node] of nodes.entries()) {
      const field = 'sources' in step ? `attribution.${i}.sources.${j}.id` : `attribution.${i}.id`;
      const ids = node.kind === 'actor' ? actors : outlets;
      if (!ids.has(node.id)) return { field, message: `${field}: no ${node.kind} "${node.id}"` };
    }
  }
  const last = singleNode(chain.at(-1));
  if (last?.kind !== 'outlet' || last.id !== article.outlet) {
    return {
      field: 'attribution',
      message: `attribution: must end with the outlet that published the article ("${article.outlet}")`,
    };
  }
  return null;
}
