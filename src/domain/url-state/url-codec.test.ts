import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl, isCanonical } from './url-codec';
import { DEFAULT_URL_STATE, type UrlState } from './url-state-schema';
import type { UrlNotice } from './url-vocabulary';

const state = (patch: Partial<UrlState>): UrlState => ({ ...DEFAULT_URL_STATE, ...patch });

/** Decodes a full URL such as '/matrix?story=a'. */
const decode = (url: string) => {
  const i = url.indexOf('?');
  return i === -1 ? decodeUrl(url, '') : decodeUrl(url.slice(0, i), url.slice(i));
};

const notice = (param: string, value: string, reason: string): UrlNotice => ({ param, value, reason });

describe('encodeUrl', () => {
  it('writes the default state as /', () => {
    expect(encodeUrl(DEFAULT_URL_STATE)).toBe('/');
  });

  it('writes each view as its path', () => {
    expect(encodeUrl(state({ view: 'sources' }))).toBe('/');
    expect(encodeUrl(state({ view: 'matrix' }))).toBe('/matrix');
    expect(encodeUrl(state({ view: 'timeline' }))).toBe('/timeline');
    expect(encodeUrl(state({ view: 'coverage', article: 'a-1' }))).toBe('/add?article=a-1');
    expect(decodeUrl('/add', '?article=a-1')).toEqual({
      state: state({ view: 'coverage', article: 'a-1' }),
      notices: [],
    });
    expect(encodeUrl(state({ view: 'claim', claim: 'c-1' }))).toBe('/claims/c-1');
  });

  it('writes each parameter', () => {
    expect(encodeUrl(state({ story: 'rafah-scg-2024' }))).toBe('/?story=rafah-scg-2024');
    expect(encodeUrl(state({ panes: ['a1', 'b2'] }))).toBe('/?panes=a1,b2');
    expect(encodeUrl(state({ claim: 'c-1' }))).toBe('/?claim=c-1');
    expect(encodeUrl(state({ topics: ['Reported deal'] }))).toBe('/?topic=Reported%20deal');
    expect(encodeUrl(state({ stances: ['asserts', 'denies'] }))).toBe('/?stance=asserts,denies');
    expect(encodeUrl(state({ contested: true }))).toBe('/?contested=1');
    expect(encodeUrl(state({ q: 'ceasefire' }))).toBe('/?q=ceasefire');
  });

  it('reads and writes the matrix and timeline parameters', () => {
    const url =
      '/matrix?event=e-1&verdict=unreviewed,misleading&source=b,a&sort=coverage&cols=outlet&kind=operation,attack&from=2024-04-13&to=2024-04-30';
    const { state: s, notices } = decode(url);
    expect(notices).toEqual([]);
    expect(s).toEqual(
      state({
        view: 'matrix',
        event: 'e-1',
        verdicts: ['unreviewed', 'misleading'],
        sources: ['a', 'b'],
        sort: 'coverage',
        columns: 'outlet',
        kinds: ['attack', 'operation'],
        from: '2024-04-13',
        to: '2024-04-30',
      }),
    );
    expect(encodeUrl(s)).toBe(
      '/matrix?event=e-1&verdict=unreviewed,misleading&source=a,b&sort=coverage&cols=outlet&kind=attack,operation&from=2024-04-13&to=2024-04-30',
    );
  });

  it('drops unknown values of the matrix and timeline parameters with notices', () => {
    const { state: s, notices } = decode(
      '/timeline?verdict=maybe,false&source=Bad!&sort=random&cols=rows&kind=party&from=2024-13-01&to=yesterday&event=E%20',
    );
    expect(s).toEqual(state({ view: 'timeline', verdicts: ['false'] }));
    expect(notices.map((n) => `${n.param}=${n.value}: ${n.reason}`)).toEqual([
      'event=E: not a valid id',
      'verdict=maybe: unknown verdict',
      'source=Bad!: not a valid id',
      'sort=random: unknown sort order',
      'cols=rows: unknown column mode',
      'kind=party: unknown event kind',
      'from=2024-13-01: not a day (YYYY-MM-DD)',
      'to=yesterday: not a day (YYYY-MM-DD)',
    ]);
  });

  it('matches the documented example', () => {
    expect(
      encodeUrl(state({ view: 'matrix', story: 'rafah-scg-2024', topics: ['Reported deal'], contested: true })),
    ).toBe('/matrix?story=rafah-scg-2024&topic=Reported%20deal&contested=1');
  });

  it('writes parameters in canonical order whatever the object key order', () => {
    const scrambled: UrlState = {
      to: '2024-05-01',
      from: '2024-04-01',
      kinds: ['attack', 'meeting'],
      columns: 'outlet',
      sort: 'origins',
      q: 'x',
      contested: true,
      sources: ['o2', 'o1'],
      verdicts: ['false', 'disputed'],
      article: 'a',
      event: 'e',
      stances: ['silent'],
      topics: ['t'],
      cell: 'o1',
      claim: 'c',
      panes: ['p'],
      story: 's',
      view: 'timeline',
    };
    expect(encodeUrl(scrambled)).toBe(
      '/timeline?story=s&panes=p&claim=c&cell=o1&event=e&article=a&topic=t&stance=silent&verdict=disputed,false&source=o1,o2' +
        '&contested=1&q=x&sort=origins&cols=outlet&kind=meeting,attack&from=2024-04-01&to=2024-05-01',
    );
  });

  it('writes lists in canonical order: topics collated, stances in STANCE_FILTERS order, panes as given', () => {
    expect(encodeUrl(state({ topics: ['beta', 'Alpha', 'ábc', 'Zed'] }))).toBe(
      '/?topic=%C3%A1bc&topic=Alpha&topic=beta&topic=Zed',
    );
    expect(encodeUrl(state({ stances: ['silent', 'asserts', 'denies'] }))).toBe('/?stance=asserts,denies,silent');
    expect(encodeUrl(state({ panes: ['z', 'a'] }))).toBe('/?panes=z,a');
  });

  it('omits defaults and empty values', () => {
    expect(encodeUrl(state({ story: null, panes: [], topics: [], stances: [], contested: false, q: '' }))).toBe('/');
    expect(encodeUrl(state({ q: '   ' }))).toBe('/');
  });

  it('puts the claim in the path in the claim view and never also in the query', () => {
    expect(encodeUrl(state({ view: 'claim', claim: 'c-1', story: 's' }))).toBe('/claims/c-1?story=s');
  });

  it('writes a claim view without a valid claim as the sources view', () => {
    expect(encodeUrl(state({ view: 'claim', claim: null }))).toBe('/');
    expect(encodeUrl(state({ view: 'claim', claim: 'Not An Id' }))).toBe('/');
  });

  it('leaves out invalid values in a hand-built state instead of writing them', () => {
    expect(encodeUrl(state({ story: 'Bad Id', panes: ['ok', 'NO', 'ok'], q: 'x'.repeat(201) }))).toBe('/?panes=ok');
  });

  it('keeps commas readable and escapes the characters that would change the query', () => {
    expect(encodeUrl(state({ topics: ['Gaza, north'], q: 'a&b=c+d%e #f?' }))).toBe(
      '/?topic=Gaza,%20north&q=a%26b%3Dc%2Bd%25e%20%23f%3F',
    );
  });
});

describe('decodeUrl', () => {
  it('reads / and /sources as the sources view', () => {
    expect(decodeUrl('/', '')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
    expect(decodeUrl('/sources', '')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
    expect(decodeUrl('', '')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
  });

  it('reads each view path', () => {
    expect(decodeUrl('/matrix', '').state.view).toBe('matrix');
    expect(decodeUrl('/timeline', '').state.view).toBe('timeline');
    expect(decodeUrl('/timeline/', '').state.view).toBe('timeline');
    expect(decodeUrl('/claims/c-1', '')).toEqual({ state: state({ view: 'claim', claim: 'c-1' }), notices: [] });
  });

  it('reads each parameter', () => {
    const { state: s, notices } = decode(
      '/matrix?story=rafah-scg-2024&panes=a1,b2&claim=c-1&topic=Reported%20deal&topic=Aid&stance=denies,asserts&contested=1&q=%20cease+fire%20',
    );
    expect(notices).toEqual([]);
    expect(s).toEqual<UrlState>({
      ...DEFAULT_URL_STATE,
      view: 'matrix',
      story: 'rafah-scg-2024',
      panes: ['a1', 'b2'],
      claim: 'c-1',
      topics: ['Aid', 'Reported deal'],
      stances: ['asserts', 'denies'],
      contested: true,
      q: 'cease fire',
    });
  });

  it('treats empty values as defaults without notices', () => {
    expect(decode('/?story=&panes=&claim=&topic=&stance=&contested=&q=')).toEqual({
      state: DEFAULT_URL_STATE,
      notices: [],
    });
    expect(decode('/?story&q&contested=0&panes=a,,b,')).toEqual({ state: state({ panes: ['a', 'b'] }), notices: [] });
  });

  it('concatenates repeated list parameters', () => {
    expect(decode('/?panes=a,b&panes=c').state.panes).toEqual(['a', 'b', 'c']);
    expect(decode('/?stance=silent&stance=asserts').state.stances).toEqual(['asserts', 'silent']);
  });

  it('keeps the first value of a repeated single-valued parameter', () => {
    expect(decode('/?story=a&story=b')).toEqual({
      state: state({ story: 'a' }),
      notices: [notice('story', 'b', 'repeated parameter: kept the first value')],
    });
  });

  it('keeps topics containing commas, spaces, unicode and query syntax', () => {
    const topics = ['Gaza, north', 'a&b=c', '100% + 1', 'Ägypten', '停火 🕊️'];
    const { state: s, notices } = decode(encodeUrl(state({ topics: [...topics].sort() })));
    expect(notices).toEqual([]);
    expect([...s.topics].sort()).toEqual([...topics].sort());
  });

  describe('drops invalid input with a notice and keeps the valid rest', () => {
    const cases: [string, UrlNotice[], Partial<UrlState>][] = [
      ['/nowhere?story=s', [notice('path', '/nowhere', 'unknown view')], { story: 's' }],
      ['/matrix/extra?story=s', [notice('path', '/matrix/extra', 'unknown view')], { story: 's' }],
      ['/claims?story=s', [notice('path', '/claims', 'missing claim id: showing sources')], { story: 's' }],
      ['/claims/Bad_ID?story=s', [notice('path', 'Bad_ID', 'not a valid claim id: showing sources')], { story: 's' }],
      ['/matrix?story=Rafah!&q=x', [notice('story', 'Rafah!', 'not a valid id')], { view: 'matrix', q: 'x' }],
      ['/?claim=-x&q=x', [notice('claim', '-x', 'not a valid id')], { q: 'x' }],
      ['/?panes=a,B!,c&q=x', [notice('panes', 'B!', 'not a valid id')], { panes: ['a', 'c'], q: 'x' }],
      ['/?panes=a,b,a', [notice('panes', 'a', 'duplicate pane dropped')], { panes: ['a', 'b'] }],
      [
        `/?panes=${Array.from({ length: 22 }, (_, i) => `p${i + 1}`).join(',')}`,
        [notice('panes', 'p21,p22', 'more than 20 articles named: kept the first 20')],
        { panes: Array.from({ length: 20 }, (_, i) => `p${i + 1}`) },
      ],
      ['/?stance=asserts,maybe', [notice('stance', 'maybe', 'unknown stance')], { stances: ['asserts'] }],
      ['/?stance=denies,denies', [notice('stance', 'denies', 'duplicate stance dropped')], { stances: ['denies'] }],
      ['/?topic=a&topic=%20a%20', [notice('topic', 'a', 'duplicate topic dropped')], { topics: ['a'] }],
      ['/?contested=yes&q=x', [notice('contested', 'yes', 'expected 1 or 0')], { q: 'x' }],
      ['/?utm=mail&q=x', [notice('utm', 'mail', 'unknown parameter')], { q: 'x' }],
      ['/?Story=s', [notice('Story', 's', 'unknown parameter')], {}],
      [
        '/claims/c-1?claim=c-2',
        [notice('claim', 'c-2', 'ignored: the claim view takes its claim from the path')],
        { view: 'claim', claim: 'c-1' },
      ],
    ];
    it.each(cases)('%s', (url, expectedNotices, expected) => {
      expect(decode(url)).toEqual({ state: state(expected), notices: expectedNotices });
    });
  });

  it('drops a search or topic longer than 200 characters, counting code points', () => {
    const long = 'x'.repeat(201);
    expect(decode(`/?q=${long}&story=s`)).toEqual({
      state: state({ story: 's' }),
      notices: [notice('q', `${'x'.repeat(80)}…`, 'longer than 200 characters')],
    });
    expect(decode(`/?topic=${long}`).notices).toHaveLength(1);
    const emoji = '😀'.repeat(200);
    expect(decode(`/?q=${encodeURIComponent(emoji)}`)).toEqual({ state: state({ q: emoji }), notices: [] });
  });

  it('ignores tracking parameters silently and leaves them out of the canonical URL', () => {
    const url = '/matrix?utm_source=mail&utm_campaign=x&contested=1&fbclid=abc&gclid=def&msclkid=g&UTM_MEDIUM=m';
    const { state: decoded, notices } = decode(url);
    expect(notices).toEqual([]);
    expect(decoded).toEqual(state({ view: 'matrix', contested: true }));
    expect(encodeUrl(decoded)).toBe('/matrix?contested=1');
    expect(isCanonical('/matrix', '?contested=1&utm_source=mail')).toBe(false);
  });

  it('never throws on garbage', () => {
    const garbage: [string, string][] = [
      ['/claims/%E0%A4%A', '?q=%E0%A4%A&topic=%&story=%%'],
      ['%', '%'],
      ['/claims/\uD800', '?q=\uD800&topic=\uDC00x'],
      ['?#&=', '?&&&==&=&'],
      ['/'.repeat(100_000), `?${'panes=a,'.repeat(50_000)}`],
      ['/', `?q=${'%F0%9F%98%80'.repeat(200_000)}&topic=${'a'.repeat(1_000_000)}`],
      ['/', `?${Array.from({ length: 20_000 }, (_, i) => `topic=t${i}`).join('&')}`],
    ];
    for (const [pathname, search] of garbage) {
      const { state: s } = decodeUrl(pathname, search);
      expect(decode(encodeUrl(s))).toEqual({ state: s, notices: [] });
    }
  });

  it('reads malformed percent-encoding leniently, as browsers do', () => {
    const { state: s, notices } = decode('/?q=%E0%A4%A&topic=100%');
    expect(notices).toEqual([]);
    expect(s.q).toBe('\uFFFD%A');
    expect(s.topics).toEqual(['100%']);
  });

  it('clips huge values in notices', () => {
    const { notices } = decode(`/?unknown=${'v'.repeat(10_000)}`);
    expect(notices).toEqual([notice('unknown', `${'v'.repeat(80)}…`, 'unknown parameter')]);
  });
});

describe('isCanonical', () => {
  it('accepts what encodeUrl writes', () => {
    expect(isCanonical('/', '')).toBe(true);
    expect(isCanonical('/matrix', '?story=rafah-scg-2024&topic=Reported%20deal&contested=1')).toBe(true);
    expect(isCanonical('/claims/c-1', '?stance=asserts,denies')).toBe(true);
  });

  it('rejects equivalent but non-canonical spellings', () => {
    expect(isCanonical('/sources', '')).toBe(false);
    expect(isCanonical('/', '?')).toBe(false);
    expect(isCanonical('/matrix/', '')).toBe(false);
    expect(isCanonical('/', '?contested=1&story=s')).toBe(false);
    expect(isCanonical('/', '?stance=denies,asserts')).toBe(false);
    expect(isCanonical('/', '?topic=b&topic=a')).toBe(false);
    expect(isCanonical('/', '?topic=Reported+deal')).toBe(false);
    expect(isCanonical('/', '?panes=a%2Cb')).toBe(false);
    expect(isCanonical('/', '?contested=0')).toBe(false);
    expect(isCanonical('/', '?q=')).toBe(false);
  });

  it('rejects URLs that carried invalid values', () => {
    expect(isCanonical('/', '?story=Bad')).toBe(false);
    expect(isCanonical('/nowhere', '')).toBe(false);
  });
});
