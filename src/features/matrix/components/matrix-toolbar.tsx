import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { STANCE_GLYPHS } from '@/components/stance-badge';
import {
  DEFAULT_URL_STATE,
  MATRIX_SORTS,
  STANCE_FILTERS,
  VERDICT_FILTERS,
  type MatrixSort,
  type UrlState,
} from '@/domain/url-state';
import type { UrlStatePatch } from '@/lib/url-state/use-url-state';
import type { NavigateOptions } from '@/lib/router/location-store';
import type { MatrixModel } from '../model/matrix-model';
import { searchMatcher } from '@/domain/claim-search';
import { foldText } from '@/domain/text-folding';

const SORT_LABELS: Record<MatrixSort, string> = {
  story: 'Story order',
  contested: 'Most contested first',
  origins: 'Most independent origins first',
  coverage: 'Most coverage first',
};

/** Typing settles for this long before the URL (and so the grid) follows. */
const SEARCH_DELAY_MS = 250;
/** A list of thousands of sources is searched, not scrolled. */
const MAX_SOURCE_CHOICES = 100;

type MatrixToolbarProps = {
  model: MatrixModel;
  state: UrlState;
  setUrlState: (patch: UrlStatePatch, options?: NavigateOptions) => void;
  onExport: (format: 'csv' | 'json') => void;
  exporting: boolean;
};

/** Filters, sort, column mode and export; every choice is written to the URL. */
export function MatrixToolbar({ model, state, setUrlState, onExport, exporting }: MatrixToolbarProps) {
  const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
  const filtered =
    state.topics.length + state.stances.length + state.verdicts.length + state.sources.length > 0 ||
    state.contested ||
    state.q !== '';

  return (
    <div className="mx-toolbar" role="group" aria-label="Filter, sort and export the matrix">
      <SearchBox value={state.q} onSearch={(q) => setUrlState({ q }, { replace: true })} />
      <Choices label="Topics" count={state.topics.length}>
        {() =>
          model.topics.map((topic) => (
            <Check
              key={topic}
              label={topic}
              checked={state.topics.includes(topic)}
              onChange={() => setUrlState({ topics: toggle(state.topics, topic) })}
            />
          ))
        }
      </Choices>
      <Choices label="Stances" count={state.stances.length}>
        {() =>
          STANCE_FILTERS.map((stance) => (
            <Check
              key={stance}
              label={
                <>
                  <span aria-hidden="true" className={`mx-glyph mx-glyph--${stance}`}>
                    {STANCE_GLYPHS[stance]}
                  </span>{' '}
                  {stance}
                </>
              }
              checked={state.stances.includes(stance)}
              onChange={() => setUrlState({ stances: toggle(state.stances, stance) })}
            />
          ))
        }
      </Choices>
      <Choices label="Verdicts" count={state.verdicts.length}>
        {() =>
          VERDICT_FILTERS.map((verdict) => (
            <Check
              key={verdict}
              label={verdict}
              checked={state.verdicts.includes(verdict)}
              onChange={() => setUrlState({ verdicts: toggle(state.verdicts, verdict) })}
            />
          ))
        }
      </Choices>
      <Choices label="Sources" count={state.sources.length}>
        {() => <SourceChoices model={model} state={state} setUrlState={setUrlState} />}
      </Choices>
      <label className="mx-toolbar__check">
        <input
          type="checkbox"
          checked={state.contested}
          onChange={(event) => setUrlState({ contested: event.target.checked })}
        />{' '}
        Contested only
      </label>
      <label className="mx-toolbar__field">
        Sort{' '}
        <select value={state.sort} onChange={(event) => setUrlState({ sort: event.target.value as MatrixSort })}>
          {MATRIX_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="mx-toolbar__columns">
        <legend>Columns</legend>
        {(['article', 'outlet'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="matrix-columns"
              value={mode}
              checked={state.columns === mode}
              onChange={() => setUrlState({ columns: mode })}
            />{' '}
            per {mode}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        disabled={!filtered}
        onClick={() =>
          setUrlState({
            topics: [],
            stances: [],
            verdicts: [],
            sources: [],
            contested: false,
            q: DEFAULT_URL_STATE.q,
          })
        }
      >
        Clear filters
      </button>
      <span className="mx-toolbar__export">
        <button type="button" onClick={() => onExport('csv')} disabled={exporting}>
          Export CSV
        </button>{' '}
        <button type="button" onClick={() => onExport('json')} disabled={exporting}>
          Export JSON
        </button>
      </span>
    </div>
  );
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed from elsewhere (back button, a link): show its text, unless it is what was typed.
  if (value !== seen) {
    setSeen(value);
    if (text.trim() !== value) setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <label className="mx-toolbar__field mx-toolbar__search">
      Search claims{' '}
      <input
        type="search"
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => latest.current(next), SEARCH_DELAY_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            clearTimeout(timer.current);
            latest.current(text);
          }
        }}
      />
    </label>
  );
}

/** A disclosure of checkboxes; its list is only built while open. */
function Choices({ label, count, children }: { label: string; count: number; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  return (
    <details
      ref={ref}
      className="mx-choices"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      // Like a menu: Escape or moving the focus elsewhere closes the list.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault();
        setOpen(false);
        event.currentTarget.querySelector('summary')?.focus();
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <summary>
        {label}
        {count > 0 ? ` (${count})` : null}
      </summary>
      {open ? (
        <fieldset className="mx-choices__list">
          <legend className="visually-hidden">{label}</legend>
          {children()}
        </fieldset>
      ) : null}
    </details>
  );
}

function Check({ label, checked, onChange }: { label: ReactNode; checked: boolean; onChange: () => void }) {
  return (
    <label className="mx-choices__item">
      <input type="checkbox" checked={checked} onChange={onChange} /> {label}
    </label>
  );
}

/** The articles or outlets to show as columns, searchable: a large story has thousands. */
function SourceChoices({
  model,
  state,
  setUrlState,
}: {
  model: MatrixModel;
  state: UrlState;
  setUrlState: (patch: UrlStatePatch) => void;
}) {
  const [filter, setFilter] = useState('');
  const inputId = useId();
  const searchable = useMemo(
    () =>
      model.columns(state.columns).map((column) => ({
        column,
        text: foldText(`${column.outletName} ${column.title} ${column.id} ${column.firstDate}`),
      })),
    [model, state.columns],
  );
  const matches = searchMatcher(filter);
  const matching = searchable.filter(({ text }) => matches(text)).map(({ column }) => column);
  // No source in the URL means every source is shown, so every box starts ticked; unticking hides a source.
  const allIds = searchable.map(({ column }) => column.id);
  const shown = (id: string) => state.sources.length === 0 || state.sources.includes(id);
  const toggle = (id: string) => {
    const next = shown(id) ? allIds.filter((s) => s !== id && shown(s)) : [...state.sources, id];
    if (next.length === 0) return; // the last source shown stays: an empty list would mean all of them
    // Every source ticked again: back to the unfiltered URL.
    setUrlState({ sources: next.length === allIds.length ? [] : next });
  };
  return (
    <>
      <label htmlFor={inputId} className="mx-choices__filter">
        Find a source
      </label>
      <input id={inputId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      {matching.slice(0, MAX_SOURCE_CHOICES).map((column) => (
        <Check
          key={column.id}
          label={
            column.kind === 'article'
              ? `${column.outletName}, ${column.firstDate}: ${column.title}`
              : `${column.outletName} (${column.articleIds.length})`
          }
          checked={shown(column.id)}
          onChange={() => toggle(column.id)}
        />
      ))}
      {matching.length > MAX_SOURCE_CHOICES ? (
        <p className="mx-choices__more">{matching.length - MAX_SOURCE_CHOICES} more: type to narrow the list.</p>
      ) : null}
    </>
  );
}
