import * as z from 'zod/mini';
import { idSchema } from '../schemas/primitives';
import { URL_PARAMS, type UrlParam } from './url-params';
import type { UrlState } from './url-state-schema';
import { clipForNotice } from './url-text';
import type { UrlNotice, View } from './url-vocabulary';

/** Views addressed by a single path segment; 'claim' lives at /claims/<id>, 'coverage' at /add. */
const pathViewSchema = z.enum(['sources', 'matrix', 'timeline', 'stories']);
const COVERAGE_SEGMENT = 'add';
const CLAIMS_SEGMENT = 'claims';

const KNOWN_PARAMS = new Set<string>(URL_PARAMS.map((param) => param.name));

/**
 * Parameters that analytics and ad platforms append to shared links. They say nothing about
 * the view, so they are dropped silently (no notice) and never written back.
 */
const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|yclid|ref_src)$/i;

export const isTrackingParam = (name: string) => TRACKING_PARAM.test(name);

const isId = (value: unknown): value is string => idSchema.safeParse(value).success;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed escapes cannot name a view or an id; keep the text for the notice.
    return segment;
  }
}

function decodePath(pathname: string): { view: View; claim: string | null; notices: UrlNotice[] } {
  const segments = pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  const [head, id] = segments;
  const fallback = (value: string, reason: string) => ({
    view: 'sources' as const,
    claim: null,
    notices: [{ param: 'path', value: clipForNotice(value), reason }],
  });

  if (head === undefined) return { view: 'sources', claim: null, notices: [] };
  if (head === CLAIMS_SEGMENT && segments.length <= 2) {
    if (id === undefined) return fallback(pathname, 'missing claim id: showing sources');
    if (!isId(id)) return fallback(id, 'not a valid claim id: showing sources');
    return { view: 'claim', claim: id, notices: [] };
  }
  if (head === COVERAGE_SEGMENT && segments.length === 1) return { view: 'coverage', claim: null, notices: [] };
  const view = pathViewSchema.safeParse(head);
  if (view.success && segments.length === 1) return { view: view.data, claim: null, notices: [] };
  return fallback(pathname, 'unknown view');
}

function encodePath(view: View, claim: string | null): string {
  switch (view) {
    case 'matrix':
      return '/matrix';
    case 'timeline':
      return '/timeline';
    case 'stories':
      return '/stories';
    case 'coverage':
      return `/${COVERAGE_SEGMENT}`;
    case 'claim':
      // A claim view without a valid claim cannot be addressed; decodeUrl would fall back to sources too.
      return isId(claim) ? `/${CLAIMS_SEGMENT}/${claim}` : '/';
    default:
      return '/';
  }
}

/**
 * Percent-encodes like encodeURIComponent (so '+' stays distinct from a space and the
 * result reads back through URLSearchParams), but leaves commas readable: they only
 * separate list items in ids and stances, and are plain text in a topic.
 */
function escapeValue(value: string): string {
  return encodeURIComponent(value).replaceAll('%2C', ',');
}

/** Groups query values by parameter name in URL order; URLSearchParams is lenient with malformed escapes. */
function readQuery(search: string): { values: Map<string, string[]>; notices: UrlNotice[] } {
  const values = new Map<string, string[]>();
  const notices: UrlNotice[] = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if (isTrackingParam(name)) continue;
    if (!KNOWN_PARAMS.has(name)) {
      notices.push({ param: clipForNotice(name), value: clipForNotice(value), reason: 'unknown parameter' });
      continue;
    }
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return { values, notices };
}

/** Never throws: whatever cannot be used is dropped and explained in `notices`. */
export function decodeUrl(pathname: string, search: string): { state: UrlState; notices: UrlNotice[] } {
  const path = decodePath(pathname);
  const query = readQuery(search);
  const notices: UrlNotice[] = [...path.notices];
  const state: Record<string, unknown> = { view: path.view };

  for (const param of URL_PARAMS) {
    let raw = query.values.get(param.name) ?? [];
    if (param.field === 'claim' && path.view === 'claim') {
      for (const value of raw) {
        if (value !== '')
          notices.push({
            param: param.name,
            value: clipForNotice(value),
            reason: 'ignored: the claim view takes its claim from the path',
          });
      }
      raw = [];
    }
    const parsed = param.parse(raw);
    state[param.field] = parsed.value;
    notices.push(...parsed.notices);
  }
  if (path.view === 'claim') state.claim = path.claim;

  notices.push(...query.notices);
  // Every field of UrlState is set above: `view` from the path, the rest from the table it is derived from.
  return { state: state as UrlState, notices };
}

function serializeParam(param: UrlParam, state: UrlState): string[] | null {
  // Each entry's serialize takes its own field's type; TypeScript cannot correlate a union of entries with it.
  const serialize = param.serialize as (value: unknown) => string[] | null;
  return serialize(state[param.field]);
}

/**
 * Canonical URL (pathname + '?' + query when non-empty): parameters in table order,
 * lists in canonical order, defaults and invalid values left out.
 */
export function encodeUrl(state: UrlState): string {
  const pathname = encodePath(state.view, state.claim);
  const claimInPath = pathname.startsWith(`/${CLAIMS_SEGMENT}/`);
  const pairs: string[] = [];
  for (const param of URL_PARAMS) {
    if (param.field === 'claim' && claimInPath) continue;
    for (const value of serializeParam(param, state) ?? []) pairs.push(`${param.name}=${escapeValue(value)}`);
  }
  return pairs.length > 0 ? `${pathname}?${pairs.join('&')}` : pathname;
}

/** True when the location is exactly what encodeUrl writes for it; otherwise the app should replace it. */
export function isCanonical(pathname: string, search: string): boolean {
  return encodeUrl(decodeUrl(pathname, search).state) === pathname + search;
}
