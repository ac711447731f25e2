import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl, isCanonical } from './url-codec';
import { URL_PARAMS } from './url-params';
import { urlStateSchema, type UrlState } from './url-state-schema';
import { compareTopics } from './url-text';
import {
  COLUMN_MODES,
  EVENT_KIND_FILTERS,
  MATRIX_SORTS,
  MAX_PANES,
  MAX_TEXT_LENGTH,
  STANCE_FILTERS,
  VERDICT_FILTERS,
  VIEWS,
} from './url-vocabulary';

const splitUrl = (url: string): [string, string] => {
  const i = url.indexOf('?');
  return i === -1 ? [url, ''] : [url.slice(0, i), url.slice(i)];
};

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const dayArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Text heavy in the characters that matter to URLs, plus any code point at all. */
const rawTextArb = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '&',
      '=',
      '+',
      '%',
      ',',
      ' ',
      '#',
      '?',
      '/',
      ';',
      'a',
      'A',
      'é',
      'e\u0301',
      '停',
      '😀',
      '\u00A0',
      '\u200B',
      '\u0000',
      '\n',
      '%2C',
      '%20',
    ),
  }),
  fc.string({ unit: 'binary', maxLength: 250 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

/** Any UTF-16 code units, lone surrogates included: JS strings can hold them, URLs cannot. */
const codeUnitTextArb = fc.string({ unit: fc.nat(0xffff).map((unit) => String.fromCharCode(unit)), maxLength: 30 });
const anyTextArb = fc.oneof(rawTextArb, codeUnitTextArb);

const fitsLimit = (text: string) => Array.from(text).length <= MAX_TEXT_LENGTH;
const textArb = rawTextArb.map((text) => text.trim()).filter(fitsLimit);
const topicArb = textArb.filter((text) => text !== '');

const validStateArb: fc.Arbitrary<UrlState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    story: fc.option(idArb),
    panes: fc.uniqueArray(idArb, { maxLength: MAX_PANES }),
    claim: fc.option(idArb),
    requiredClaim: idArb,
    cell: fc.option(idArb),
    topics: fc.uniqueArray(topicArb, { maxLength: 6 }).map((topics) => topics.sort(compareTopics)),
    event: fc.option(idArb),
    article: fc.option(idArb),
    passage: fc.option(idArb),
    stances: fc.subarray([...STANCE_FILTERS]),
    verdicts: fc.subarray([...VERDICT_FILTERS]),
    sources: fc.uniqueArray(idArb, { maxLength: 6 }).map((ids) => ids.sort()),
    contested: fc.boolean(),
    q: textArb,
    sort: fc.constantFrom(...MATRIX_SORTS),
    columns: fc.constantFrom(...COLUMN_MODES),
    kinds: fc.subarray([...EVENT_KIND_FILTERS]),
    from: fc.option(dayArb),
    to: fc.option(dayArb),
  })
  .map(({ requiredClaim, ...state }) => ({
    ...state,
    claim: state.view === 'claim' ? requiredClaim : state.claim,
  }));

/** Anything the type allows, valid or not: what app code might hand to encodeUrl. */
const sloppyStateArb: fc.Arbitrary<UrlState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  story: fc.option(fc.oneof(idArb, anyTextArb)),
  panes: fc.array(fc.oneof(idArb, anyTextArb), { maxLength: 8 }),
  claim: fc.option(fc.oneof(idArb, anyTextArb)),
  cell: fc.option(fc.oneof(idArb, anyTextArb)),
  topics: fc.array(anyTextArb, { maxLength: 6 }),
  event: fc.option(fc.oneof(idArb, anyTextArb)),
  article: fc.option(fc.oneof(idArb, anyTextArb)),
  passage: fc.option(fc.oneof(idArb, anyTextArb)),
  stances: fc.array(fc.constantFrom(...STANCE_FILTERS), { maxLength: 7 }),
  verdicts: fc.array(fc.constantFrom(...VERDICT_FILTERS), { maxLength: 8 }),
  sources: fc.array(fc.oneof(idArb, anyTextArb), { maxLength: 8 }),
  contested: fc.boolean(),
  sort: fc.constantFrom(...MATRIX_SORTS),
  columns: fc.constantFrom(...COLUMN_MODES),
  kinds: fc.array(fc.constantFrom(...EVENT_KIND_FILTERS), { maxLength: 6 }),
  from: fc.option(fc.oneof(dayArb, anyTextArb)),
  to: fc.option(fc.oneof(dayArb, anyTextArb)),
  q: fc.oneof(anyTextArb, fc.string({ minLength: 195, maxLength: 210 })),
});

const pathnameArb = fc.oneof(
  fc.string({ unit: 'binary' }),
  codeUnitTextArb,
  fc
    .array(
      fc.oneof(
        fc.constantFrom('', 'sources', 'matrix', 'timeline', 'claims', 'claim', 'add', '%', '%E0%A4%A'),
        idArb,
        fc.string(),
      ),
      {
        maxLength: 4,
      },
    )
    .map((segments) => `/${segments.join('/')}`),
);

// Every real parameter, and names that are not.
const paramNameArb = fc.constantFrom(...URL_PARAMS.map((param) => param.name), 'Q', 'x', '');
const paramValueArb = fc.oneof(
  idArb,
  anyTextArb,
  fc.constantFrom(
    '1',
    '0',
    'asserts,denies',
    'silent,reports,silent',
    'a,b,c,d,e,f',
    '%E0%A4%A',
    '%',
    '%%',
    '%2C',
    'outlet',
    'origins',
    'meeting,attack',
    'false,unreviewed',
    '2024-04-18',
  ),
  fc.array(fc.oneof(idArb, fc.constantFrom(...STANCE_FILTERS)), { maxLength: 7 }).map((items) => items.join(',')),
);
const searchArb = fc.oneof(
  fc.string({ unit: 'binary' }),
  codeUnitTextArb.map((text) => `?q=${text}&topic=${text}`),
  fc
    .array(
      fc
        .tuple(paramNameArb, fc.constantFrom('=', '', '=='), paramValueArb)
        .map(([name, eq, value]) => `${name}${eq}${value}`),
      { maxLength: 10 },
    )
    .map((pairs) => `?${pairs.join('&')}`),
  fc
    .array(fc.tuple(paramNameArb, paramValueArb), { maxLength: 10 })
    .map(
      (pairs) => `?${pairs.map(([n, v]) => `${n}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`).join('&')}`,
    ),
);

describe('url codec properties', () => {
  it('round-trips every valid state exactly and without notices', () => {
    fc.assert(
      fc.property(validStateArb, (state) => {
        expect(urlStateSchema.safeParse(state).success).toBe(true);
        const url = encodeUrl(state);
        expect(decodeUrl(...splitUrl(url))).toEqual({ state, notices: [] });
        expect(isCanonical(...splitUrl(url))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any location, and what it writes back is canonical', () => {
    fc.assert(
      fc.property(pathnameArb, searchArb, (pathname, search) => {
        const { state } = decodeUrl(pathname, search);
        expect(urlStateSchema.safeParse(state).success).toBe(true);
        const url = encodeUrl(state);
        expect(decodeUrl(...splitUrl(url))).toEqual({ state, notices: [] });
        expect(isCanonical(...splitUrl(url))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the same URL after another decode/encode pass, even for invalid state', () => {
    fc.assert(
      fc.property(sloppyStateArb, (state) => {
        const url = encodeUrl(state);
        const again = decodeUrl(...splitUrl(url));
        expect(again.notices).toEqual([]);
        expect(encodeUrl(again.state)).toBe(url);
      }),
      { numRuns: 500 },
    );
  });
});
