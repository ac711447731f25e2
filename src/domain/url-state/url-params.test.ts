import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Stance } from '../schemas/mention';
import { URL_PARAMS } from './url-params';
import { DEFAULT_URL_STATE, urlStateSchema, type UrlState } from './url-state-schema';
import { compareTopics } from './url-text';
import {
  MAX_LINKED_PANES,
  STANCE_FILTERS,
  type ColumnMode,
  type EventKindFilter,
  type MatrixSort,
  type StanceFilter,
  type VerdictFilter,
  type View,
} from './url-vocabulary';

describe('URL_PARAMS', () => {
  it('has the canonical parameter order', () => {
    expect(URL_PARAMS.map((p) => p.name)).toEqual([
      'story',
      'panes',
      'claim',
      'cell',
      'event',
      'article',
      'topic',
      'stance',
      'verdict',
      'source',
      'contested',
      'q',
      'sort',
      'cols',
      'kind',
      'from',
      'to',
    ]);
  });

  it('has unique fields and names, none of them the path-only view', () => {
    const fields = URL_PARAMS.map((p) => p.field);
    const names = URL_PARAMS.map((p) => p.name);
    expect(new Set(fields).size).toBe(fields.length);
    expect(new Set(names).size).toBe(names.length);
    expect(fields).not.toContain('view');
    // Names are written unescaped.
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it.each(URL_PARAMS.map((p) => [p.name, p] as const))(
    '%s: absent means default and default is omitted',
    (_, param) => {
      expect(param.parse([])).toEqual({ value: param.default, notices: [] });
      expect(param.parse([''])).toEqual({ value: param.default, notices: [] });
      expect((param.serialize as (v: unknown) => unknown)(param.default)).toBeNull();
      expect(param.schema.safeParse(param.default).success).toBe(true);
    },
  );
});

describe('UrlState', () => {
  it('has the documented shape', () => {
    expectTypeOf<UrlState>().toEqualTypeOf<{
      view: View;
      story: string | null;
      panes: string[];
      claim: string | null;
      cell: string | null;
      topics: string[];
      event: string | null;
      article: string | null;
      stances: StanceFilter[];
      verdicts: VerdictFilter[];
      sources: string[];
      contested: boolean;
      q: string;
      sort: MatrixSort;
      columns: ColumnMode;
      kinds: EventKindFilter[];
      from: string | null;
      to: string | null;
    }>();
  });

  it('can filter by every mention stance', () => {
    expectTypeOf<Stance>().toExtend<StanceFilter>();
    expect(STANCE_FILTERS).toEqual(['asserts', 'reports', 'denies', 'contradicts', 'silent']);
  });

  it('has a valid, frozen default', () => {
    expect(urlStateSchema.safeParse(DEFAULT_URL_STATE).success).toBe(true);
    expect(Object.isFrozen(DEFAULT_URL_STATE)).toBe(true);
    expect(Object.isFrozen(DEFAULT_URL_STATE.panes)).toBe(true);
  });

  it('schema rejects non-canonical states', () => {
    const ok = (patch: Partial<UrlState>) => urlStateSchema.safeParse({ ...DEFAULT_URL_STATE, ...patch }).success;
    expect(ok({ view: 'claim', claim: 'c' })).toBe(true);
    expect(ok({ view: 'claim', claim: null })).toBe(false);
    expect(ok({ story: 'Bad' })).toBe(false);
    expect(ok({ panes: ['a', 'a'] })).toBe(false);
    expect(ok({ panes: Array.from({ length: MAX_LINKED_PANES + 1 }, (_, i) => `p${i}`) })).toBe(false);
    expect(ok({ topics: ['b', 'a'] })).toBe(false);
    expect(ok({ topics: [' a'] })).toBe(false);
    expect(ok({ stances: ['denies', 'asserts'] })).toBe(false);
    expect(ok({ q: ' x' })).toBe(false);
    expect(urlStateSchema.safeParse({ ...DEFAULT_URL_STATE, extra: 1 }).success).toBe(false);
  });
});

describe('compareTopics', () => {
  it('collates like English and still orders strings the collator calls equal', () => {
    expect(['b', 'A', 'a', 'á'].sort(compareTopics)).toEqual(['a', 'A', 'á', 'b']);
    // U+0000 is ignorable in collation, so only the tie-break separates these.
    expect(Math.sign(compareTopics('a', 'a\u0000'))).toBe(-Math.sign(compareTopics('a\u0000', 'a')));
    expect(compareTopics('a', 'a\u0000')).not.toBe(0);
  });
});
