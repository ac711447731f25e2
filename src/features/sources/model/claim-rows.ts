import type { Claim, Stance } from '@/domain/schemas';
import { STANCES } from '@/domain/stance-rules';
import type { AnyStoryIndex } from '@/domain/story-index';
import type { StanceFilter } from '@/domain/url-state';
import { claimMatcher } from '@/domain/claim-search';

/** A claim as the list shows it: how the open articles treat it. */
export type ClaimRow = {
  claim: Claim;
  /** The stances the open articles take on it, in the canonical order. */
  stances: Stance[];
  /** How many open articles say nothing about it. */
  silentPanes: number;
  /** Its mentions in the whole story. */
  mentions: number;
};

export type ClaimListItem = { kind: 'group'; label: string; count: number } | { kind: 'claim'; row: ClaimRow };

export type ClaimList = {
  items: ClaimListItem[];
  /** The claims in list order: what next/previous claim walk through. */
  order: string[];
  total: number;
};

export type ClaimFilters = { topics: string[]; stances: StanceFilter[]; q: string };

/**
 * The claim list beside the panes: first the claims the open articles carry, then the rest
 * of the story. The stance filter reads the open articles ("claims some open article denies";
 * "silent": claims some open article leaves out), because the list is there to compare them.
 */
export function buildClaimList(
  claims: readonly Claim[],
  index: AnyStoryIndex,
  panes: readonly string[],
  filters: ClaimFilters,
): ClaimList {
  const stancesByClaim = new Map<string, Map<string, Set<Stance>>>();
  for (const article of panes) {
    for (const mention of index.mentionsByArticle.get(article) ?? []) {
      let byArticle = stancesByClaim.get(mention.claim);
      if (!byArticle) stancesByClaim.set(mention.claim, (byArticle = new Map<string, Set<Stance>>()));
      let stances = byArticle.get(article);
      if (!stances) byArticle.set(article, (stances = new Set<Stance>()));
      stances.add(mention.stance);
    }
  }

  const topics = new Set(filters.topics);
  const wanted = new Set<StanceFilter>(filters.stances);
  const matchesSearch = claimMatcher(filters.q);
  const inPanes: ClaimRow[] = [];
  const others: ClaimRow[] = [];
  for (const claim of claims) {
    if (topics.size > 0 && !topics.has(claim.topic)) continue;
    if (!matchesSearch(claim)) continue;
    const byArticle = stancesByClaim.get(claim.id);
    const seen = new Set<Stance>();
    for (const stances of byArticle?.values() ?? []) for (const stance of stances) seen.add(stance);
    const row: ClaimRow = {
      claim,
      stances: STANCES.filter((stance) => seen.has(stance)),
      silentPanes: panes.length - (byArticle?.size ?? 0),
      mentions: index.mentionsByClaim.get(claim.id)?.length ?? 0,
    };
    if (wanted.size > 0 && !row.stances.some((s) => wanted.has(s)) && !(wanted.has('silent') && row.silentPanes > 0)) {
      continue;
    }
    (byArticle ? inPanes : others).push(row);
  }

  const items: ClaimListItem[] = [];
  if (inPanes.length > 0) {
    items.push({ kind: 'group', label: 'In the open articles', count: inPanes.length });
    for (const row of inPanes) items.push({ kind: 'claim', row });
  }
  if (others.length > 0) {
    items.push({ kind: 'group', label: 'Elsewhere in the story', count: others.length });
    for (const row of others) items.push({ kind: 'claim', row });
  }
  return { items, order: [...inPanes, ...others].map((row) => row.claim.id), total: inPanes.length + others.length };
}

/** The claim `step` places away in the list; from no claim (or one the filters hide), the first or last. */
export function stepClaim(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return (step === 1 ? order[0] : order.at(-1)) ?? null;
  return order[Math.min(order.length - 1, Math.max(0, at + step))] ?? null;
}

/** The topics of the story in the order the story first raises them. */
export function storyTopics(claims: readonly Claim[]): string[] {
  return [...new Set(claims.map((claim) => claim.topic))];
}
