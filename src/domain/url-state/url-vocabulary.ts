import * as z from 'zod/mini';
import { EVENT_KINDS, VERDICT_STATUSES, type EventKind, type VerdictStatus } from '../schemas';

export const VIEWS = ['sources', 'matrix', 'timeline', 'claim', 'coverage', 'stories'] as const;
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

/** Verdict statuses a reader can filter claims by: the claim schema's statuses, in its order. */
export const VERDICT_FILTERS = VERDICT_STATUSES;
export type VerdictFilter = VerdictStatus;

/** Event kinds the timeline can show: the event schema's kinds, in its order. */
export const EVENT_KIND_FILTERS = EVENT_KINDS;
export type EventKindFilter = EventKind;

/** Matrix row orders; 'story' (the curated order) is the default. */
export const MATRIX_SORTS = ['story', 'contested', 'origins', 'coverage'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

/** Matrix columns: one per article (default) or one per outlet. */
export const COLUMN_MODES = ['article', 'outlet'] as const;
export type ColumnMode = (typeof COLUMN_MODES)[number];

/** More panes than this no longer fit side by side. */
export const MAX_PANES = 5;
/**
 * How many article ids a link may name. Which of them the story has is known only once it has
 * loaded, so the link keeps more than fit: the view shows the first MAX_PANES articles of the
 * story among them and names the rest, and a wrong id does not push a right one out.
 */
export const MAX_LINKED_PANES = 20;
/** Limit for free text (search, topic labels), in code points, so a pasted essay cannot bloat every link. */
export const MAX_TEXT_LENGTH = 200;

/** Why a part of the URL was ignored; shown to the reader, so `reason` is plain English. */
export type UrlNotice = { param: string; value: string; reason: string };
