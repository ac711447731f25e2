import type { UrlState } from '@/domain/url-state';
import { type ClaimStats, type MatrixColumn, type MatrixModel } from './matrix-model';
import { searchMatcher } from '@/domain/claim-search';

/** The URL fields the matrix reads. */
export type MatrixFilters = Pick<
  UrlState,
  'topics' | 'stances' | 'verdicts' | 'sources' | 'contested' | 'q' | 'sort' | 'columns'
>;

export type MatrixRow = { kind: 'topic'; topic: string; count: number } | { kind: 'claim'; stats: ClaimStats };

export type MatrixSelection = {
  mode: MatrixFilters['columns'];
  columns: MatrixColumn[];
  /** Topic rows, each followed by its claims. */
  rows: MatrixRow[];
  /** The claims of `rows`, in the same order. */
  claims: ClaimStats[];
  /** Source ids of the URL that name no article or outlet of the story. */
  unknownSources: string[];
};

/** Equal for states that select the same matrix, so a memo survives unrelated URL changes. */
export function filtersKey(state: MatrixFilters): string {
  return JSON.stringify([
    state.topics,
    state.stances,
    state.verdicts,
    state.sources,
    state.contested,
    state.q,
    state.sort,
    state.columns,
  ]);
}

/**
 * The columns and rows a reader asked for:
 * - `sources` picks the columns (an article id or an outlet id; in outlet mode an article picks
 *   its outlet, in article mode an outlet picks its articles); rows are not narrowed by it.
 * - `stances` keeps claims with at least one shown cell of one of those stances ('silent': a
 *   shown source that does not carry the claim).
 * - topics, verdicts, contested and the search text narrow the claims.
 * Claims stay grouped by topic; a sort orders claims within topics and topics by their first claim.
 */
export function selectMatrix(model: MatrixModel, filters: MatrixFilters): MatrixSelection {
  const { columns, unknownSources } = selectColumns(model, filters);
  const cells = model.cells(filters.columns);
  const shown = new Set(columns.map((column) => column.id));
  const topics = new Set(filters.topics);
  const verdicts = new Set<string>(filters.verdicts);
  const stances = new Set<string>(filters.stances);
  const matchesSearch = searchMatcher(filters.q);

  const matchesStances = (stats: ClaimStats) => {
    const row = cells.get(stats.claim.id);
    let shownWithMention = 0;
    if (row) {
      for (const [columnId, mentions] of row) {
        if (!shown.has(columnId)) continue;
        shownWithMention += 1;
        if (mentions.some((m) => stances.has(m.stance))) return true;
      }
    }
    return stances.has('silent') && shownWithMention < columns.length;
  };

  const claims = model.claims.filter(
    (stats) =>
      (topics.size === 0 || topics.has(stats.claim.topic)) &&
      (verdicts.size === 0 || verdicts.has(stats.claim.verdict.status)) &&
      (!filters.contested || stats.contested) &&
      matchesSearch(model.searchText(stats)) &&
      (stances.size === 0 || matchesStances(stats)),
  );
  sortClaims(model, claims, filters.sort);

  const groups = new Map<string, ClaimStats[]>();
  for (const stats of claims) {
    const group = groups.get(stats.claim.topic);
    if (group) group.push(stats);
    else groups.set(stats.claim.topic, [stats]);
  }
  const rows: MatrixRow[] = [];
  const shownClaims: ClaimStats[] = [];
  for (const [topic, group] of groups) {
    rows.push({ kind: 'topic', topic, count: group.length });
    for (const stats of group) {
      rows.push({ kind: 'claim', stats });
      shownClaims.push(stats);
    }
  }
  return { mode: filters.columns, columns, rows, claims: shownClaims, unknownSources };
}

function selectColumns(
  model: MatrixModel,
  filters: MatrixFilters,
): { columns: MatrixColumn[]; unknownSources: string[] } {
  const all = model.columns(filters.columns);
  if (filters.sources.length === 0) return { columns: all, unknownSources: [] };
  const { articles, outlets } = model.index;
  const wanted = new Set<string>();
  const unknownSources: string[] = [];
  for (const id of filters.sources) {
    const article = articles.get(id);
    if (article) {
      wanted.add(filters.columns === 'article' ? id : article.outlet);
    } else if (outlets.has(id)) {
      if (filters.columns === 'outlet') wanted.add(id);
      else for (const column of all) if (column.outletId === id) wanted.add(column.id);
    } else {
      unknownSources.push(id);
    }
  }
  return { columns: all.filter((column) => wanted.has(column.id)), unknownSources };
}

function sortClaims(model: MatrixModel, claims: ClaimStats[], sort: MatrixFilters['sort']) {
  const byOrder = (a: ClaimStats, b: ClaimStats) => a.order - b.order;
  switch (sort) {
    case 'story':
      return claims.sort(byOrder);
    case 'contested':
      // Contested first; among them, the ones with most on both sides.
      return claims.sort(
        (a, b) =>
          Number(b.contested) - Number(a.contested) ||
          Math.min(b.support, b.opposition) - Math.min(a.support, a.opposition) ||
          b.support + b.opposition - (a.support + a.opposition) ||
          byOrder(a, b),
      );
    case 'origins': {
      // Keys worked out once, not in every comparison of the sort.
      const keyed = claims.map((stats) => {
        const counts = model.originCounts(stats.claim.id);
        return { stats, total: counts.support + counts.opposition, support: counts.support };
      });
      keyed.sort((a, b) => b.total - a.total || b.support - a.support || byOrder(a.stats, b.stats));
      keyed.forEach((entry, i) => {
        claims[i] = entry.stats;
      });
      return claims;
    }
    case 'coverage':
      return claims.sort((a, b) => b.coverage - a.coverage || byOrder(a, b));
  }
}
