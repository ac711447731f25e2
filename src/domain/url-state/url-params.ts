import * as z from 'zod/mini';
import { idSchema } from '../schemas/primitives';
import { clipForNotice, cleanText, compareTopics, isTooLong } from './url-text';
import { isoDateSchema } from '../schemas/primitives';
import {
  COLUMN_MODES,
  EVENT_KIND_FILTERS,
  MATRIX_SORTS,
  MAX_LINKED_PANES,
  MAX_TEXT_LENGTH,
  STANCE_FILTERS,
  VERDICT_FILTERS,
  type UrlNotice,
} from './url-vocabulary';

export type ParamResult<T> = { value: T; notices: UrlNotice[] };

/**
 * One query parameter. `UrlState` is derived from the table below, so adding a
 * parameter means adding one entry to `URL_PARAMS` (and tests).
 */
export type ParamDef<F extends string, T> = {
  /** Key in `UrlState`. */
  readonly field: F;
  /** Name in the query string. */
  readonly name: string;
  /** Value when the parameter is absent or empty; never written to the URL. */
  readonly default: T;
  /** Accepts exactly the canonical values `parse` can return. */
  readonly schema: z.ZodMiniType<T>;
  /** All raw (already percent-decoded) values of the parameter, in URL order. Never throws. */
  parse: (raw: readonly string[]) => ParamResult<T>;
  /** Canonical raw values, or null for the default (= omit the parameter). */
  serialize: (value: T) => string[] | null;
};

type Report = (value: string, reason: string) => void;

type ParamSpec<F extends string, T> = {
  field: F;
  name: string;
  schema: z.ZodMiniType<T>;
  default: NoInfer<T>;
  /** Drops what it cannot use and says why through `report`. */
  parse: (raw: readonly string[], report: Report) => NoInfer<T>;
  /** Naive inverse of `parse`; must return [] for the default. */
  format: (value: NoInfer<T>) => string[];
};

function defineParam<const F extends string, T>(spec: ParamSpec<F, T>): ParamDef<F, T> {
  const parse = (raw: readonly string[]): ParamResult<T> => {
    const notices: UrlNotice[] = [];
    const value = spec.parse(raw, (value, reason) =>
      notices.push({ param: spec.name, value: clipForNotice(value), reason }),
    );
    return { value, notices };
  };
  return {
    field: spec.field,
    name: spec.name,
    default: spec.default,
    schema: spec.schema,
    parse,
    // Round-tripping through parse makes any value canonical (sorted, deduplicated,
    // invalid parts dropped), so encodeUrl writes canonical URLs even for sloppy state.
    serialize(value) {
      const raw = spec.format(parse(spec.format(value)).value);
      return raw.length > 0 ? raw : null;
    },
  };
}

const isId = (value: string) => idSchema.safeParse(value).success;

/** Single-valued parameters keep the first occurrence, as URLSearchParams.get does. */
function first(raw: readonly string[], report: Report): string {
  for (const extra of raw.slice(1)) report(extra, 'repeated parameter: kept the first value');
  return raw[0] ?? '';
}

/** Comma lists may also be repeated (`?panes=a&panes=b`): the occurrences are concatenated. */
function listItems(raw: readonly string[]): string[] {
  return raw.flatMap((value) => value.split(',').map((item) => item.trim())).filter((item) => item !== '');
}

function idParam<const F extends string>(field: F, name: string) {
  return defineParam({
    field,
    name,
    schema: z.nullable(idSchema),
    default: null,
    parse(raw, report) {
      const value = first(raw, report).trim();
      if (value === '') return null;
      if (isId(value)) return value;
      report(value, 'not a valid id');
      return null;
    },
    format: (value) => (value === null ? [] : [value]),
  });
}

/** A set from a fixed vocabulary, written in the vocabulary's order so every link reads the same. */
function enumSetParam<const F extends string, const V extends string>(
  field: F,
  name: string,
  values: readonly [V, ...V[]],
  noun: string,
) {
  const itemSchema = z.enum(values);
  const rank = (value: V) => values.indexOf(value);
  return defineParam({
    field,
    name,
    schema: z
      .array(itemSchema)
      .check(
        z.refine(
          (items) => items.every((item, i) => i === 0 || rank(items[i - 1] ?? item) < rank(item)),
          `${noun}s not in canonical order`,
        ),
      ),
    default: [] as V[],
    parse(raw, report) {
      const chosen = new Set<V>();
      for (const item of listItems(raw)) {
        const parsed = itemSchema.safeParse(item);
        if (!parsed.success) report(item, `unknown ${noun}`);
        else if (chosen.has(parsed.data)) report(item, `duplicate ${noun} dropped`);
        else chosen.add(parsed.data);
      }
      return values.filter((value) => chosen.has(value));
    },
    format: (items) => (items.length > 0 ? [items.join(',')] : []),
  });
}

/** One value from a fixed vocabulary, with a default that is never written. */
function enumParam<const F extends string, const V extends string>(
  field: F,
  name: string,
  values: readonly [V, ...V[]],
  fallback: NoInfer<V>,
  noun: string,
) {
  const schema = z.enum(values);
  return defineParam({
    field,
    name,
    schema: schema,
    default: fallback,
    parse(raw, report) {
      const value = first(raw, report).trim();
      if (value === '') return fallback;
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      report(value, `unknown ${noun}`);
      return fallback;
    },
    format: (value) => (value === fallback ? [] : [value]),
  });
}

/** A set of ids, sorted and without duplicates. */
function idSetParam<const F extends string>(field: F, name: string) {
  return defineParam({
    field,
    name,
    schema: z
      .array(idSchema)
      .check(z.refine((ids) => ids.every((id, i) => i === 0 || (ids[i - 1] ?? '') < id), 'ids not sorted')),
    default: [] as string[],
    parse(raw, report) {
      const ids = new Set<string>();
      for (const id of listItems(raw)) {
        if (!isId(id)) report(id, 'not a valid id');
        else if (ids.has(id)) report(id, 'duplicate id dropped');
        else ids.add(id);
      }
      return [...ids].sort();
    },
    format: (ids) => (ids.length > 0 ? [ids.join(',')] : []),
  });
}

/** A calendar day, YYYY-MM-DD. */
function dayParam<const F extends string>(field: F, name: string) {
  return defineParam({
    field,
    name,
    schema: z.nullable(isoDateSchema),
    default: null as string | null,
    parse(raw, report) {
      const value = first(raw, report).trim();
      if (value === '') return null;
      if (isoDateSchema.safeParse(value).success) return value;
      report(value, 'not a day (YYYY-MM-DD)');
      return null;
    },
    format: (value) => (value === null ? [] : [value]),
  });
}

const uniqueList = <T>(items: readonly T[]) => new Set(items).size === items.length;

const topicSchema = z
  .string()
  .check(
    z.refine((label) => label !== '' && label === cleanText(label) && !isTooLong(label), 'not a canonical topic label'),
  );

const searchTextSchema = z
  .string()
  .check(z.refine((text) => text === cleanText(text) && !isTooLong(text), 'not a canonical search text'));

/** Order matters: it is the canonical parameter order in written URLs. */
export const URL_PARAMS = [
  /** ?story=<id>; null means the app's first story. */
  idParam('story', 'story'),

  /** ?panes=a,b — article ids side by side, in reading order. */
  defineParam({
    field: 'panes',
    name: 'panes',
    schema: z.array(idSchema).check(z.maxLength(MAX_LINKED_PANES), z.refine(uniqueList, 'duplicate pane')),
    default: [],
    parse(raw, report) {
      const panes = new Set<string>();
      const overflow = new Set<string>();
      for (const id of listItems(raw)) {
        if (!isId(id)) report(id, 'not a valid id');
        else if (panes.has(id) || overflow.has(id)) report(id, 'duplicate pane dropped');
        else if (panes.size < MAX_LINKED_PANES) panes.add(id);
        else overflow.add(id);
      }
      if (overflow.size > 0) {
        report(
          [...overflow].join(','),
          `more than ${MAX_LINKED_PANES} articles named: kept the first ${MAX_LINKED_PANES}`,
        );
      }
      return [...panes];
    },
    format: (panes) => (panes.length > 0 ? [panes.join(',')] : []),
  }),

  /** ?claim=<id> outside the claim view; the claim view carries it in the path instead (see url-codec). */
  idParam('claim', 'claim'),

  /** ?cell=<source id> — with ?claim, the matrix cell (that source's column) whose evidence is open. */
  idParam('cell', 'cell'),

  /** ?event=<id> — the event whose details are open on the timeline. */
  idParam('event', 'event'),

  /** ?article=<id> — the newly added article whose suggestions are under review. */
  idParam('article', 'article'),

  /** ?topic=a&topic=b — repeated rather than comma-joined because labels are free text. */
  defineParam({
    field: 'topics',
    name: 'topic',
    schema: z
      .array(topicSchema)
      .check(
        z.refine(
          (topics) => topics.every((t, i) => i === 0 || compareTopics(topics[i - 1] ?? '', t) < 0),
          'topics not sorted',
        ),
      ),
    default: [],
    parse(raw, report) {
      const topics = new Set<string>();
      for (const value of raw) {
        const label = cleanText(value);
        if (label === '') continue;
        if (isTooLong(label)) report(label, `longer than ${MAX_TEXT_LENGTH} characters`);
        else if (topics.has(label)) report(label, 'duplicate topic dropped');
        else topics.add(label);
      }
      return [...topics].sort(compareTopics);
    },
    format: (topics) => [...topics],
  }),

  /** ?stance=asserts,denies — a set, written in STANCE_FILTERS order. */
  enumSetParam('stances', 'stance', STANCE_FILTERS, 'stance'),

  /** ?verdict=disputed,false — a set, written in VERDICT_FILTERS order. */
  enumSetParam('verdicts', 'verdict', VERDICT_FILTERS, 'verdict'),

  /** ?source=a,b — articles or outlets to show as columns; a set of ids, sorted. */
  idSetParam('sources', 'source'),

  /** ?contested=1 — only contested claims. */
  defineParam({
    field: 'contested',
    name: 'contested',
    schema: z.boolean(),
    default: false,
    parse(raw, report) {
      const value = first(raw, report).trim();
      if (value === '1') return true;
      if (value === '' || value === '0') return false;
      report(value, 'expected 1 or 0');
      return false;
    },
    format: (contested) => (contested ? ['1'] : []),
  }),

  /** ?q=<text> — free-text search. */
  defineParam({
    field: 'q',
    name: 'q',
    schema: searchTextSchema,
    default: '',
    parse(raw, report) {
      const text = cleanText(first(raw, report));
      if (!isTooLong(text)) return text;
      report(text, `longer than ${MAX_TEXT_LENGTH} characters`);
      return '';
    },
    format: (text) => (text === '' ? [] : [text]),
  }),

  /** ?sort=contested — matrix row order. */
  enumParam('sort', 'sort', MATRIX_SORTS, 'story', 'sort order'),

  /** ?cols=outlet — matrix columns per outlet instead of per article. */
  enumParam('columns', 'cols', COLUMN_MODES, 'article', 'column mode'),

  /** ?kind=meeting,attack — event kinds on the timeline; all when empty. */
  enumSetParam('kinds', 'kind', EVENT_KIND_FILTERS, 'event kind'),

  /** ?from=2024-04-01&to=2024-04-30 — the timeline's zoom. */
  dayParam('from', 'from'),
  dayParam('to', 'to'),
] as const;

export type UrlParam = (typeof URL_PARAMS)[number];
