export { decodeUrl, encodeUrl, isCanonical } from './url-codec';
export { patchUrlState } from './patch-url-state';
export { URL_PARAMS, type ParamDef, type ParamResult, type UrlParam } from './url-params';
export { DEFAULT_URL_STATE, urlStateSchema, type UrlState } from './url-state-schema';
export { compareTopics } from './url-text';
export { storyLinkNotices } from './story-notices';
export {
  COLUMN_MODES,
  EVENT_KIND_FILTERS,
  MATRIX_SORTS,
  VERDICT_FILTERS,
  type ColumnMode,
  type EventKindFilter,
  type MatrixSort,
  type VerdictFilter,
  MAX_LINKED_PANES,
  MAX_PANES,
  MAX_TEXT_LENGTH,
  STANCE_FILTERS,
  VIEWS,
  stanceFilterSchema,
  viewSchema,
  type StanceFilter,
  type UrlNotice,
  type View,
} from './url-vocabulary';
