import * as z from 'zod/mini';

export const VIEWS = ['sources', 'matrix', 'timeline', 'claim'] as const;
export type View = (typeof VIEWS)[number];
export const viewSchema = z.enum(VIEWS);

/**
 * Stances a reader can filter the coverage by: the mention stances plus 'silent'
 * (an outlet that does not mention the claim at all). The order here is the
 * canonical order in URLs, so reordering it changes every shared link.
 */
export const STANCE_FILTERS = ['asserts', 'reports', 'denies', 'contradicts', 'silent'] as const;
export type StanceFilter = (typeof STANCE_FILTERS)[number];
export const stanceFilterSchema = z.enum(STANCE_FILTERS);

/** More panes than this no longer fit side by side. */
export const MAX_PANES = 5;
/** Limit for free text (search, topic labels), in code points, so a pasted essay cannot bloat every link. */
export const MAX_TEXT_LENGTH = 200;

/** Why a part of the URL was ignored; shown to the reader, so `reason` is plain English. */
export type UrlNotice = { param: string; value: string; reason: string };
