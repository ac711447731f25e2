import { describe, expect, it } from 'vitest';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { toCsv } from '@/domain/csv';
import { readCsv } from '@/test/read-csv';
import type { StoryBundle } from '@/domain/schemas';
import { indexStory } from '@/domain/story-index';
import { DEFAULT_URL_STATE, type UrlState } from '@/domain/url-state';
import { cellText, exportFileName, matrixCsvRecords, matrixJsonChunks, type MatrixJson } from './matrix-export';
import { cellStances, matrixModelFor } from './matrix-model';
import { filtersKey, selectMatrix, type MatrixFilters } from './select-matrix';

const DEAL = 'us-accepts-rafah-for-no-iran-strike';
const IBTIMES_ARTICLE = '001_2550a2c150cccb37';

const bundledBundle = (change?: (bundle: StoryBundle) => void): StoryBundle => bundledStory(undefined, change).bundle;

const bundle = bundledBundle();
const model = matrixModelFor(bundle, indexStory(bundle));
const filters = (patch: Partial<MatrixFilters> = {}): MatrixFilters => ({ ...DEFAULT_URL_STATE, ...patch });
const claimIds = (patch: Partial<MatrixFilters>) => selectMatrix(model, filters(patch)).claims.map((s) => s.claim.id);

describe('the matrix of the bundled story', () => {
  it('is built once per bundle', () => {
    expect(matrixModelFor(bundle, model.index)).toBe(model);
  });

  it('shows the reported deal as contested, with one independent origin for it and two against', () => {
    const deal = model.stats.get(DEAL);
    expect(deal).toMatchObject({ contested: true, support: 2, opposition: 2, coverage: 3 });
    expect(model.originCounts(DEAL)).toEqual({ support: 1, opposition: 2 });
    const [origin] = model.origins(DEAL).support;
    expect(origin?.members[0]?.name).toBe('Al-Araby Al-Jadeed');
    expect(origin?.members[0]?.aliases).toContain('The New Arab');
  });

  it('keeps both of the mentions that IBTimes has of the deal in one cell', () => {
    const cell = model.cells('article').get(DEAL)?.get(IBTIMES_ARTICLE);
    expect(cell?.map((m) => m.stance)).toEqual(['denies', 'reports']);
    expect(cellStances(cell)).toEqual(['reports', 'denies']);
    expect(cellText(cell)).toBe('reports; denies');
    expect(cellText(undefined)).toBe('');
  });

  it('works ahead of need, a slice at a time, with origin counts that agree with the full analysis', () => {
    const fresh = matrixModelFor({ ...bundle }, model.index);
    expect(fresh.prepareAhead(() => false)).toBe(false);
    let budget = 10;
    expect(fresh.prepareAhead(() => budget-- > 0)).toBe(false);
    expect(fresh.prepareAhead(() => true)).toBe(true);
    expect(fresh.cells('outlet').get(DEAL)?.get('ibtimes')).toHaveLength(2);
    for (const stats of fresh.claims) {
      const origins = fresh.origins(stats.claim.id);
      expect(fresh.originCounts(stats.claim.id)).toEqual({
        support: origins.support.length,
        opposition: origins.opposition.length,
      });
    }
  });

  it('has a column per article, oldest first, or per outlet', () => {
    const articles = model.columns('article');
    expect(articles.map((c) => c.id.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    expect(articles[0]).toMatchObject({ outletName: 'Israel National News', firstDate: '2024-04-18' });
    const outlets = model.columns('outlet');
    expect(outlets.map((c) => c.id)).toEqual([
      'israel-national-news',
      'ibtimes',
      'jerusalem-post',
      'new-york-times',
      'times-of-israel',
    ]);
    expect(model.cells('outlet').get(DEAL)?.get('ibtimes')).toHaveLength(2);
  });
});

describe('filtering and sorting the matrix', () => {
  it('shows every claim grouped by topic in story order by default', () => {
    const selection = selectMatrix(model, filters());
    expect(selection.claims).toHaveLength(bundle.claims.length);
    expect(selection.rows.filter((row) => row.kind === 'topic').map((row) => row.topic)).toEqual(model.topics);
    expect(selection.rows[0]).toEqual({ kind: 'topic', topic: 'SCG meetings', count: 9 });
    expect(selection.columns).toHaveLength(5);
  });

  it('narrows to contested claims, topics, verdicts and search text', () => {
    expect(claimIds({ contested: true })).toContain(DEAL);
    expect(claimIds({ contested: true }).every((id) => model.stats.get(id)?.contested)).toBe(true);
    expect(claimIds({ topics: ['Reported deal'] })).toEqual([
      DEAL,
      'white-house-declined-comment-deal',
      'no-green-light-regardless-of-iran',
    ]);
    expect(claimIds({ topics: ['Reported deal'], contested: true })).toEqual([DEAL]);
    expect(claimIds({ q: 'WIDE-SCALE strike' })).toEqual([DEAL]);
    expect(claimIds({ q: 'defence   israel' })).toContain('meeting-discussed-iran-attack');
    expect(claimIds({ q: 'no such words anywhere' })).toEqual([]);
    expect(claimIds({ verdicts: ['unreviewed'] })).toHaveLength(bundle.claims.length);
    expect(claimIds({ verdicts: ['false'] })).toEqual([]);
  });

  it('keeps claims with a shown cell of a chosen stance, silence included', () => {
    const denied = claimIds({ stances: ['denies'] });
    expect(denied).toEqual([DEAL]);
    expect(claimIds({ stances: ['denies'], sources: ['002_2c3146867d4d03b4'] })).toEqual([]);
    // The Times of Israel (004) covers the May meeting; the rest of the story is silence there.
    const silentIn004 = claimIds({ stances: ['silent'], sources: ['004_7280a6711755d420'] });
    expect(silentIn004).toContain(DEAL);
    expect(silentIn004).not.toContain('may-in-person-meeting');
  });

  it('picks columns by article or outlet id in either mode, and reports unknown ones', () => {
    const byOutletInArticleMode = selectMatrix(model, filters({ sources: ['ibtimes', 'nobody'] }));
    expect(byOutletInArticleMode.columns.map((c) => c.id)).toEqual([IBTIMES_ARTICLE]);
    expect(byOutletInArticleMode.unknownSources).toEqual(['nobody']);
    const byArticleInOutletMode = selectMatrix(model, filters({ columns: 'outlet', sources: [IBTIMES_ARTICLE] }));
    expect(byArticleInOutletMode.columns.map((c) => c.id)).toEqual(['ibtimes']);
  });

  it('sorts within topics and orders topics by their first claim', () => {
    const contested = selectMatrix(model, filters({ sort: 'contested' }));
    expect(contested.rows[0]).toMatchObject({ kind: 'topic', topic: 'Reported deal' });
    expect(contested.rows[1]).toMatchObject({ kind: 'claim', stats: { claim: { id: DEAL } } });

    const coverage = selectMatrix(model, filters({ sort: 'coverage' })).claims;
    const first = coverage[0];
    expect(first?.coverage).toBe(Math.max(...model.claims.map((s) => s.coverage)));

    const origins = selectMatrix(model, filters({ sort: 'origins' }));
    const topicRows = origins.rows.flatMap((row) => (row.kind === 'claim' ? [] : [row.topic]));
    expect(new Set(topicRows).size).toBe(topicRows.length);
    const topicOfFirst = origins.claims[0]?.claim.topic;
    const counts = (id: string) => {
      const c = model.originCounts(id);
      return c.support + c.opposition;
    };
    const best = Math.max(...model.claims.map((s) => counts(s.claim.id)));
    expect(counts(origins.claims[0]?.claim.id ?? '')).toBe(best);
    expect(origins.rows[0]).toMatchObject({ kind: 'topic', topic: topicOfFirst });
  });

  it('lists the claims in the order of the rows, also when the story interleaves topics', () => {
    const interleaved = bundledBundle((b) => {
      const deal = b.claims.find((claim) => claim.id === DEAL);
      if (deal)
        b.claims = [b.claims[0], deal, ...b.claims.slice(1).filter((claim) => claim !== deal)].flatMap((c) =>
          c ? [c] : [],
        );
    });
    const selection = selectMatrix(matrixModelFor(interleaved, indexStory(interleaved)), filters());
    const rowClaims = selection.rows.flatMap((row) => (row.kind === 'claim' ? [row.stats.claim.id] : []));
    expect(selection.claims.map((stats) => stats.claim.id)).toEqual(rowClaims);
    expect(rowClaims.indexOf(DEAL)).toBeGreaterThan(1);
    expect(rowClaims[1]).toBe('scg-18-april-meeting-scheduled');
  });

  it('keys filters so that unrelated URL changes keep the selection', () => {
    const withPanel: UrlState = { ...DEFAULT_URL_STATE, view: 'matrix', claim: DEAL, panes: ['x'] };
    expect(filtersKey(withPanel)).toBe(filtersKey(filters()));
    expect(filtersKey(filters({ contested: true }))).not.toBe(filtersKey(filters()));
  });
});

describe('exporting the matrix', () => {
  it('writes the shown rows and columns as CSV that reads back to the same cells', () => {
    const selection = selectMatrix(model, filters({ topics: ['Reported deal'] }));
    const records = [...matrixCsvRecords(model, selection)];
    const parsed = readCsv(toCsv(records));
    expect(parsed).toEqual(records.map((record) => record.map((value) => String(value))));
    expect(parsed[0]?.slice(0, 3)).toEqual(['claim id', 'topic', 'claim']);
    expect(parsed[0]?.[13]).toBe(`International Business Times · 2024-04-18 · ${IBTIMES_ARTICLE}`);
    // The trailing verdict note, evidence and filters columns are checked below.
    expect(parsed[1]?.slice(0, -4)).toEqual([
      DEAL,
      'Reported deal',
      model.stats.get(DEAL)?.claim.text,
      'unreviewed',
      'yes',
      '1',
      '2',
      'Al-Araby Al-Jadeed',
      'Axios; Deputy Spokesperson for the State Department',
      '2',
      '2',
      '3',
      'reports',
      'reports; denies',
      'contradicts',
      '',
      '',
    ]);
  });

  it('neutralizes a claim that reads as a spreadsheet formula', () => {
    const hostile = bundledBundle((b) => {
      b.claims = b.claims.map((claim) =>
        claim.id === DEAL ? { ...claim, text: '=HYPERLINK("http://evil.example","x")', topic: '@topic' } : claim,
      );
    });
    const hostileModel = matrixModelFor(hostile, indexStory(hostile));
    const selection = selectMatrix(hostileModel, filters({ q: 'hyperlink' }));
    const [, row] = readCsv(toCsv([...matrixCsvRecords(hostileModel, selection)]));
    expect(row?.slice(1, 3)).toEqual(["'@topic", '\'=HYPERLINK("http://evil.example","x")']);
  });

  it('writes JSON with the origins and only the cells that carry the claim', () => {
    const selection = selectMatrix(model, filters({ topics: ['Reported deal'], columns: 'outlet' }));
    const json = JSON.parse(
      [...matrixJsonChunks(model, selection, '/matrix?cols=outlet&topic=Reported+deal')].join(''),
    ) as MatrixJson;
    expect(json.url).toBe('/matrix?cols=outlet&topic=Reported+deal');
    expect(json.claims.map((c) => c.id)).toEqual([
      DEAL,
      'white-house-declined-comment-deal',
      'no-green-light-regardless-of-iran',
    ]);
    expect(json.columns.map((c) => c.id)).toHaveLength(5);
    const deal = json.claims.find((c) => c.id === DEAL);
    expect(deal?.origins).toEqual({
      support: ['Al-Araby Al-Jadeed'],
      opposition: ['Axios', 'Deputy Spokesperson for the State Department'],
    });
    expect(Object.keys(deal?.cells ?? {})).toEqual(['israel-national-news', 'ibtimes', 'jerusalem-post']);
    expect(deal?.cells.ibtimes?.map((m) => m.stance)).toEqual(['denies', 'reports']);
    expect(deal?.cells['israel-national-news']?.[0]?.attribution).toBe(
      'Egyptian sources → Al-Araby Al-Jadeed → Israel National News',
    );
  });

  it('writes co-sources as one step of the chain and one origin, in JSON and CSV', () => {
    const claim = 'no-green-light-without-civilian-plan';
    const selection = selectMatrix(model, filters({ q: 'green light to any Rafah plan', columns: 'outlet' }));
    const json = JSON.parse([...matrixJsonChunks(model, selection, '/matrix')].join('')) as MatrixJson;
    const row = json.claims.find((c) => c.id === claim);
    expect(row?.origins.support).toEqual(['The Pentagon and US State Department']);
    const [mention] = row?.cells['jerusalem-post'] ?? [];
    expect(mention?.chain).toEqual([['US State Department', 'The Pentagon'], ['The Jerusalem Post']]);
    expect(mention?.attribution).toBe('US State Department and The Pentagon → The Jerusalem Post');
    const [head, ...rows] = readCsv(toCsv([...matrixCsvRecords(model, selection)]));
    const at = (name: string) => head?.indexOf(name) ?? -1;
    const csvRow = rows.find((r) => r[0] === claim);
    expect(csvRow?.[at('origins for')]).toBe('1');
    expect(csvRow?.[at('origin names for')]).toBe('The Pentagon and US State Department');
  });

  it('carries the evidence quotes, article addresses, verdict notes and the filters, and says so in its name', () => {
    const noted = bundledBundle((b) => {
      b.claims = b.claims.map((claim) =>
        claim.id === DEAL
          ? { ...claim, verdict: { ...claim.verdict, status: 'disputed', note: 'Denied by both.' } }
          : claim,
      );
    });
    const notedModel = matrixModelFor(noted, indexStory(noted));
    const applied = filters({ topics: ['Reported deal'], contested: true });
    const selection = selectMatrix(notedModel, applied);
    const [head, ...rows] = readCsv(toCsv([...matrixCsvRecords(notedModel, selection, applied)]));
    expect(head?.slice(-4)).toEqual(['verdict note', 'evidence quotes', 'article urls', 'filters']);
    const deal = rows.find((row) => row[0] === DEAL) ?? [];
    const mentions = noted.mentions.filter((m) => m.claim === DEAL);
    expect(deal.at(-4)).toBe('Denied by both.');
    for (const span of mentions.flatMap((m) => m.spans)) expect(deal.at(-3)).toContain(`“${span.exact}”`);
    const urls = mentions.map((m) => noted.articles.find((a) => a.id === m.article)?.source.url).filter(Boolean);
    for (const url of urls) expect(deal.at(-2)).toContain(url);
    expect(deal.at(-1)).toBe('topic: Reported deal; contested');

    const json = JSON.parse([...matrixJsonChunks(notedModel, selection, '/matrix', applied)].join('')) as MatrixJson;
    expect(json.filters).toEqual({ topic: ['Reported deal'], contested: true });
    const claim = json.claims.find((c) => c.id === DEAL);
    expect(claim?.verdictNote).toBe('Denied by both.');
    const first = Object.values(claim?.cells ?? {})[0]?.[0];
    expect(first?.url).toMatch(/^https?:\/\//);
    expect(first?.quotes.length).toBeGreaterThan(0);

    expect(exportFileName('rafah-scg-2024', applied, 'csv')).toBe(
      'rafah-scg-2024-matrix-filtered-by-topic-contested.csv',
    );
    expect(exportFileName('rafah-scg-2024', filters(), 'json')).toBe('rafah-scg-2024-matrix.json');
  });
});
