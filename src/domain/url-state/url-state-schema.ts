import * as z from 'zod/mini';
import { URL_PARAMS, type UrlParam } from './url-params';
import { viewSchema, type View } from './url-vocabulary';

type Simplify<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Everything shareable in the app. `view` comes from the path; every other field is
 * one entry of URL_PARAMS, so the shape follows the table:
 *
 *   { view; story: string | null; panes: string[]; claim: string | null;
 *     topics: string[]; stances: StanceFilter[]; contested: boolean; q: string }
 *
 * In the 'claim' view, `claim` is the claim in the path and must not be null.
 */
export type UrlState = Simplify<{ view: View } & { [P in UrlParam as P['field']]: P['default'] }>;

// Object.fromEntries cannot type a shape; this is the shape it builds from the table.
const paramShape = Object.fromEntries(URL_PARAMS.map((param) => [param.field, param.schema])) as {
  [P in UrlParam as P['field']]: P['schema'];
};

/** Accepts exactly the states decodeUrl can return; those survive encodeUrl → decodeUrl unchanged. */
export const urlStateSchema: z.ZodMiniType<UrlState> = z.strictObject({ view: viewSchema, ...paramShape }).check(
  z.refine((state) => state.view !== 'claim' || state.claim !== null, {
    message: "the 'claim' view needs a claim",
    path: ['claim'],
  }),
);

function defaultState(): UrlState {
  const state: Record<string, unknown> = { view: 'sources' };
  for (const param of URL_PARAMS) {
    const value = param.default;
    state[param.field] = Array.isArray(value) ? Object.freeze([...value]) : value;
  }
  return state as UrlState;
}

/** Frozen (arrays included): it is shared, so update it by spreading, never in place. */
export const DEFAULT_URL_STATE: UrlState = Object.freeze(defaultState());
