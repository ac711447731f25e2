import type { CsvValue } from '@/domain/csv';
import { originName } from '@/domain/origin-analysis';
import { stepSources, type Span, type StanceCell } from '@/domain/schemas';
import { formatAttribution, nodeName } from '@/domain/story-index';
import { cellStances, type ClaimStats, type MatrixColumn, type MatrixModel } from './matrix-model';
import type { MatrixFilters, MatrixSelection } from './select-matrix';

export const CSV_CLAIM_HEADERS = [
  'claim id',
  'topic',
  'claim',
  'verdict',
  'contested',
  'origins for',
  'origins against',
  'origin names for',
  'origin names against',
  'mentions for',
  'mentions against',
  'articles',
] as const;

/** After the source columns: what each claim's verdict and evidence say, and the filters of the export. */
export const CSV_TRAILING_HEADERS = ['verdict note', 'evidence quotes', 'article urls', 'filters'] as const;

/** The filters that narrowed the export (sort and column mode are not filters), by their URL names. */
export function appliedFilters(filters: MatrixFilters | undefined) {
  if (!filters) return {};
  return {
    ...(filters.topics.length > 0 ? { topic: [...filters.topics] } : {}),
    ...(filters.verdicts.length > 0 ? { verdict: [...filters.verdicts] } : {}),
    ...(filters.stances.length > 0 ? { stance: [...filters.stances] } : {}),
    ...(filters.sources.length > 0 ? { source: [...filters.sources] } : {}),
    ...(filters.contested ? { contested: true } : {}),
    ...(filters.q ? { search: filters.q } : {}),
  };
}

/** "topic: Reported deal, Egypt; contested", or "none". */
export function describeFilters(filters: MatrixFilters | undefined): string {
  const applied = Object.entries(appliedFilters(filters));
  if (applied.length === 0) return 'none';
  return applied
    .map(([name, value]) => (value === true ? name : `${name}: ${Array.isArray(value) ? value.join(', ') : value}`))
    .join('; ');
}

/** The export's file name, saying whether and by what it was filtered: `story-matrix-filtered-by-topic-contested.csv`. */
export function exportFileName(storyId: string, filters: MatrixFilters | undefined, format: 'csv' | 'json'): string {
  const kinds = Object.keys(appliedFilters(filters));
  return `${storyId}-matrix${kinds.length > 0 ? `-filtered-by-${kinds.join('-')}` : ''}.${format}`;
}

/** Every quote of the claim's evidence in the shown columns, and the addresses of their articles. */
function evidenceOf(model: MatrixModel, mentions: readonly StanceCell[]) {
  const quotes = mentions.flatMap((mention) => spansOf(mention).map((span) => `“${span.exact}”`));
  const urls = [...new Set(mentions.flatMap((mention) => model.index.articles.get(mention.article)?.source.url ?? []))];
  return { quotes, urls };
}

/** A mention's evidence where the model was built from the whole story; a stance cell carries none. */
const spansOf = (mention: StanceCell): readonly Span[] => (mention as { spans?: Span[] }).spans ?? [];

/** A column's heading in exports: outlet, date and id, so that two articles of one outlet differ. */
export function columnLabel(column: MatrixColumn): string {
  if (column.kind === 'article') return `${column.outletName} · ${column.firstDate} · ${column.id}`;
  const count = column.articleIds.length;
  const dates = column.firstDate === column.lastDate ? column.firstDate : `${column.firstDate}–${column.lastDate}`;
  return `${column.outletName} · ${count} article${count === 1 ? '' : 's'} · ${dates}`;
}

/** A cell as text: its stances ("reports; denies"), empty when the source is silent. */
export function cellText(mentions: readonly Pick<StanceCell, 'stance'>[] | undefined): string {
  return cellStances(mentions).join('; ');
}

/** Column id → position among the shown columns. */
function columnPositions(selection: MatrixSelection): Map<string, number> {
  return new Map(selection.columns.map((column, i) => [column.id, i]));
}

/** The records of the CSV export: a header, then one per claim, in the order shown. */
export function* matrixCsvRecords(
  model: MatrixModel,
  selection: MatrixSelection,
  filters?: MatrixFilters,
): Generator<CsvValue[]> {
  const cells = model.cells(selection.mode);
  const positions = columnPositions(selection);
  const filterText = describeFilters(filters);
  yield [...CSV_CLAIM_HEADERS, ...selection.columns.map(columnLabel), ...CSV_TRAILING_HEADERS];
  for (const stats of selection.claims) {
    const origins = model.originCounts(stats.claim.id);
    const named = model.origins(stats.claim.id);
    // Most cells are silent: start from empty ones and fill in the few that carry the claim.
    const sources: string[] = new Array<string>(selection.columns.length).fill('');
    const shownMentions: StanceCell[] = [];
    for (const [columnId, mentions] of cells.get(stats.claim.id) ?? []) {
      const at = positions.get(columnId);
      if (at === undefined) continue;
      sources[at] = cellText(mentions);
      shownMentions.push(...mentions);
    }
    const evidence = evidenceOf(model, shownMentions);
    yield [
      stats.claim.id,
      stats.claim.topic,
      stats.claim.text,
      stats.claim.verdict.status,
      stats.contested ? 'yes' : 'no',
      origins.support,
      origins.opposition,
      named.support.map(originName).join('; '),
      named.opposition.map(originName).join('; '),
      stats.support,
      stats.opposition,
      stats.coverage,
      ...sources,
      stats.claim.verdict.note,
      evidence.quotes.join(' | '),
      evidence.urls.join(' '),
      filterText,
    ];
  }
}

/** The JSON export without its claims: the story, the view's URL and the shown columns. */
export function matrixJsonHead(model: MatrixModel, selection: MatrixSelection, url: string, filters?: MatrixFilters) {
  return {
    story: { id: model.bundle.story.id, title: model.bundle.story.title },
    url,
    filters: appliedFilters(filters),
    columns: selection.columns.map((column) => ({
      id: column.id,
      kind: column.kind,
      outlet: { id: column.outletId, name: column.outletName },
      title: column.title,
      articles: column.articleIds,
      urls: column.articleIds.flatMap((id) => model.index.articles.get(id)?.source.url ?? []),
      published: { first: column.firstDate, last: column.lastDate },
    })),
  };
}

/** One claim of the JSON export, with every mention of every shown cell (silent cells left out). */
export function matrixJsonClaim(
  model: MatrixModel,
  selection: MatrixSelection,
  stats: ClaimStats,
  positions = columnPositions(selection),
) {
  const origins = model.origins(stats.claim.id);
  const shown = [...(model.cells(selection.mode).get(stats.claim.id) ?? [])]
    .filter(([columnId]) => positions.has(columnId))
    .sort(([a], [b]) => (positions.get(a) as number) - (positions.get(b) as number));
  return {
    id: stats.claim.id,
    topic: stats.claim.topic,
    text: stats.claim.text,
    verdict: stats.claim.verdict.status,
    verdictNote: stats.claim.verdict.note,
    contested: stats.contested,
    origins: { support: origins.support.map(originName), opposition: origins.opposition.map(originName) },
    mentions: { support: stats.support, opposition: stats.opposition },
    articles: stats.coverage,
    cells: Object.fromEntries(
      shown.map(([columnId, mentions]) => [
        columnId,
        mentions.map((mention) => ({
          mention: mention.id,
          article: mention.article,
          url: model.index.articles.get(mention.article)?.source.url ?? null,
          stance: mention.stance,
          attribution: formatAttribution(model.index, mention.attribution),
          // Each step with its sources: more than one where several made the statement together.
          chain: mention.attribution.map((step) => stepSources(step).map((node) => nodeName(model.index, node))),
          ...(mention.support === 'partial' ? { support: 'partial' } : {}),
          quotes: spansOf(mention).map((span) => span.exact),
        })),
      ]),
    ),
  };
}

export type MatrixJson = ReturnType<typeof matrixJsonHead> & { claims: ReturnType<typeof matrixJsonClaim>[] };

/**
 * The JSON export as text, in pieces: the head, then one claim at a time, so that a large export
 * can be written between frames. The pieces joined are one JSON document of type MatrixJson.
 */
export function* matrixJsonChunks(
  model: MatrixModel,
  selection: MatrixSelection,
  url: string,
  filters?: MatrixFilters,
): Generator<string> {
  const head = JSON.stringify(matrixJsonHead(model, selection, url, filters));
  yield `${head.slice(0, -1)},"claims":[`;
  const positions = columnPositions(selection);
  let first = true;
  for (const stats of selection.claims) {
    yield `${first ? '' : ','}${JSON.stringify(matrixJsonClaim(model, selection, stats, positions))}`;
    first = false;
  }
  yield ']}';
}
