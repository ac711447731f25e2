import { analyzeClaimOrigins, countClaimOrigins, originContextFor, type ClaimOrigins } from '@/domain/origin-analysis';
import type { ArticleMeta, Claim, StanceCell } from '@/domain/schemas';
import { isContested, isOpposing, isSupporting, STANCES } from '@/domain/stance-rules';
import type { AnyStoryIndex, StoryParts } from '@/domain/story-index';
import type { Stance } from '@/domain/schemas';
import type { ColumnMode } from '@/domain/url-state';
import { claimSearchText } from '@/domain/claim-search';

/** A column of the matrix: one article, or one outlet with all its articles. */
export type MatrixColumn = {
  kind: ColumnMode;
  /** The article id or the outlet id. */
  id: string;
  outletId: string;
  outletName: string;
  /** Article mode: the article's title; outlet mode: how many articles. */
  title: string;
  /** Oldest first. */
  articleIds: string[];
  firstDate: string;
  lastDate: string;
};

/** What the matrix knows about a claim without looking at the columns. */
export type ClaimStats = {
  claim: Claim;
  /** Position in the story's curated order. */
  order: number;
  mentions: StanceCell[];
  contested: boolean;
  /** Mentions for and against. */
  support: number;
  opposition: number;
  /** Articles that mention the claim at all. */
  coverage: number;
};

export type OriginCounts = { support: number; opposition: number };

export type MatrixModel = {
  /** The story's parts, from its overview or its whole bundle: evidence is read on demand. */
  bundle: StoryParts<StanceCell>;
  index: AnyStoryIndex;
  claims: ClaimStats[];
  stats: Map<string, ClaimStats>;
  topics: string[];
  columns(mode: ColumnMode): MatrixColumn[];
  /** claim id → column id → the claim's mentions in that column, in mention order. */
  cells(mode: ColumnMode): Map<string, Map<string, StanceCell[]>>;
  origins(claimId: string): ClaimOrigins;
  originCounts(claimId: string): OriginCounts;
  /** Claim text, topic and id, folded for search. */
  searchText(stats: ClaimStats): string;
  /**
   * Works ahead of need until `timeLeft` says stop: every claim's origin counts, then the columns
   * and cells of both column modes. True once all is done; sorting by origins or switching the
   * columns then takes no time.
   */
  prepareAhead(timeLeft: () => boolean): boolean;
};

/** The distinct stances of a cell, in the canonical order; empty for silence. */
export function cellStances(mentions: readonly Pick<StanceCell, 'stance'>[] | undefined): Stance[] {
  if (!mentions || mentions.length === 0) return [];
  return STANCES.filter((stance) => mentions.some((m) => m.stance === stance));
}

const models = new WeakMap<StoryParts<StanceCell>, MatrixModel>();

/**
 * The matrix of a story, built once per bundle however often the view renders or remounts.
 * Columns, cells and origins are worked out on first use: a reader who never switches to
 * outlet columns or sorts by origins never pays for them.
 */
export function matrixModelFor(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): MatrixModel {
  const cached = models.get(bundle);
  if (cached?.index === index) return cached;
  const model = buildModel(bundle, index);
  models.set(bundle, model);
  return model;
}

function buildModel(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): MatrixModel {
  const claims: ClaimStats[] = bundle.claims.map((claim, order) => {
    const mentions = index.mentionsByClaim.get(claim.id) ?? [];
    let support = 0;
    let opposition = 0;
    const articles = new Set<string>();
    for (const mention of mentions) {
      if (isSupporting(mention.stance)) support += 1;
      else if (isOpposing(mention.stance)) opposition += 1;
      articles.add(mention.article);
    }
    return {
      claim,
      order,
      mentions,
      contested: isContested(mentions),
      support,
      opposition,
      coverage: articles.size,
    };
  });
  const topics = [...new Set(bundle.claims.map((claim) => claim.topic))];

  const columnCache = new Map<ColumnMode, MatrixColumn[]>();
  const cellCache = new Map<ColumnMode, Map<string, Map<string, StanceCell[]>>>();
  const originCache = new Map<string, ClaimOrigins>();
  const countCache = new Map<string, OriginCounts>();
  // Folded on the first search only: Unicode normalization of thousands of claims is not free.
  const searchCache = new Map<ClaimStats, string>();
  let prepared = 0;
  const context = originContextFor(index);

  const model: MatrixModel = {
    bundle,
    index,
    claims,
    stats: new Map(claims.map((stats) => [stats.claim.id, stats])),
    topics,
    columns(mode) {
      let columns = columnCache.get(mode);
      if (!columns) {
        columns = mode === 'article' ? articleColumns(bundle, index) : outletColumns(bundle, index);
        columnCache.set(mode, columns);
      }
      return columns;
    },
    cells(mode) {
      let cells = cellCache.get(mode);
      if (!cells) {
        cells = new Map();
        for (const mention of bundle.mentions) {
          const columnId = mode === 'article' ? mention.article : index.articles.get(mention.article)?.outlet;
          if (columnId === undefined) continue;
          let row = cells.get(mention.claim);
          if (!row) {
            row = new Map();
            cells.set(mention.claim, row);
          }
          const cell = row.get(columnId);
          if (cell) cell.push(mention);
          else row.set(columnId, [mention]);
        }
        cellCache.set(mode, cells);
      }
      return cells;
    },
    origins(claimId) {
      let origins = originCache.get(claimId);
      if (!origins) {
        origins = analyzeClaimOrigins(index.mentionsByClaim.get(claimId) ?? [], context);
        originCache.set(claimId, origins);
      }
      return origins;
    },
    originCounts(claimId) {
      let counts = countCache.get(claimId);
      if (!counts) {
        const analyzed = originCache.get(claimId);
        counts = analyzed
          ? { support: analyzed.support.length, opposition: analyzed.opposition.length }
          : countClaimOrigins(index.mentionsByClaim.get(claimId) ?? [], context);
        countCache.set(claimId, counts);
      }
      return counts;
    },
    prepareAhead(timeLeft) {
      while (prepared < claims.length && timeLeft()) {
        model.originCounts((claims[prepared] as ClaimStats).claim.id);
        prepared += 1;
      }
      if (prepared < claims.length) return false;
      for (const mode of ['article', 'outlet'] as const) {
        if (cellCache.has(mode)) continue;
        if (!timeLeft()) return false;
        model.columns(mode);
        model.cells(mode);
      }
      return true;
    },
    searchText(stats) {
      let text = searchCache.get(stats);
      if (text === undefined) {
        text = claimSearchText(stats.claim);
        searchCache.set(stats, text);
      }
      return text;
    },
  };
  return model;
}

const byDate = (a: ArticleMeta, b: ArticleMeta) =>
  a.published.date < b.published.date ? -1 : a.published.date > b.published.date ? 1 : 0;

function articleColumns(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): MatrixColumn[] {
  // A stable sort keeps the story's order among articles of the same day.
  return [...bundle.articles].sort(byDate).map((article) => ({
    kind: 'article',
    id: article.id,
    outletId: article.outlet,
    outletName: index.outlets.get(article.outlet)?.name ?? article.outlet,
    title: article.title,
    articleIds: [article.id],
    firstDate: article.published.date,
    lastDate: article.published.date,
  }));
}

function outletColumns(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): MatrixColumn[] {
  const byOutlet = new Map<string, ArticleMeta[]>();
  for (const article of [...bundle.articles].sort(byDate)) {
    const list = byOutlet.get(article.outlet);
    if (list) list.push(article);
    else byOutlet.set(article.outlet, [article]);
  }
  return [...byOutlet].map(([outletId, articles]) => ({
    kind: 'outlet',
    id: outletId,
    outletId,
    outletName: index.outlets.get(outletId)?.name ?? outletId,
    title: articles.length === 1 ? (articles[0] as ArticleMeta).title : `${articles.length} articles`,
    articleIds: articles.map((a) => a.id),
    firstDate: (articles[0] as ArticleMeta).published.date,
    lastDate: (articles[articles.length - 1] as ArticleMeta).published.date,
  }));
}
