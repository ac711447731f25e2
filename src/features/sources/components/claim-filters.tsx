import { useState } from 'react';
import { STANCE_GLYPHS, STANCE_LABELS } from '@/components/stance-badge';
import { STANCE_FILTERS, type StanceFilter } from '@/domain/url-state';
import type { ClaimFilters as Filters } from '../model/claim-rows';

type ClaimFiltersProps = {
  filters: Filters;
  topics: readonly string[];
  onChange: (patch: Partial<Filters>) => void;
};

/** Topic, stance and text filters of the claim list; they live in the URL like the rest of the view. */
export function ClaimFilters({ filters, topics, onChange }: ClaimFiltersProps) {
  // The field keeps what is typed (spaces included); the URL keeps the trimmed text.
  const [typed, setTyped] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  if (seenQ !== filters.q) {
    setSeenQ(filters.q);
    if (typed.trim() !== filters.q) setTyped(filters.q);
  }
  const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
  const active = filters.topics.length + filters.stances.length + (filters.q ? 1 : 0);

  return (
    <div className="claim-filters">
      <label className="claim-filters__find">
        Find claims and words in the articles{' '}
        <input
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            onChange({ q: event.target.value });
          }}
        />
      </label>
      <details className="claim-filters__topics">
        <summary>Topics{filters.topics.length > 0 ? ` (${filters.topics.length} chosen)` : ''}</summary>
        <fieldset>
          <legend className="visually-hidden">Show claims on these topics</legend>
          {topics.map((topic) => (
            <label key={topic}>
              <input
                type="checkbox"
                checked={filters.topics.includes(topic)}
                onChange={() => onChange({ topics: toggle(filters.topics, topic) })}
              />{' '}
              {topic}
            </label>
          ))}
        </fieldset>
      </details>
      <fieldset className="claim-filters__stances">
        <legend>Stance in the open articles</legend>
        {STANCE_FILTERS.map((stance: StanceFilter) => (
          <label key={stance} className={`stance stance--${stance}`}>
            <input
              type="checkbox"
              checked={filters.stances.includes(stance)}
              onChange={() => onChange({ stances: toggle(filters.stances, stance) })}
            />{' '}
            <span aria-hidden="true">{STANCE_GLYPHS[stance]}</span> {STANCE_LABELS[stance]}
          </label>
        ))}
      </fieldset>
      {active > 0 ? (
        <button
          type="button"
          className="claim-filters__clear"
          onClick={() => {
            setTyped('');
            onChange({ topics: [], stances: [], q: '' });
          }}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
