import { useState } from 'react';
import { isoDayOf } from '@/domain/calendar-days';
import type { EventKind } from '@/domain/schemas';
import { isIsoDay } from '@/domain/calendar-days';
import { KIND_LABELS } from '../model/labels';
import type { DayWindow } from '../model/timeline-window';

type ZoomControlsProps = {
  shown: DayWindow;
  full: DayWindow | null;
  zoomed: boolean;
  onZoom: (from: string | null, to: string | null) => void;
};

/** The zoom as two dates: the keyboard and screen reader way to what the brush does. */
export function ZoomControls({ shown, full, zoomed, onZoom }: ZoomControlsProps) {
  const [from, setFrom] = useState(isoDayOf(shown.start));
  const [to, setTo] = useState(isoDayOf(shown.end));
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (nextFrom: string, nextTo: string) => {
    if (!isIsoDay(nextFrom) || !isIsoDay(nextTo)) {
      setProblem('Enter both dates as full days.');
      return;
    }
    if (nextFrom > nextTo) {
      setProblem('The start must be on or before the end; the zoom is unchanged.');
      return;
    }
    setProblem(null);
    onZoom(nextFrom, nextTo);
  };

  return (
    <fieldset className="tl-zoom">
      <legend>Zoom</legend>
      <label>
        From{' '}
        <input
          type="date"
          value={from}
          min={full ? isoDayOf(full.start) : undefined}
          max={full ? isoDayOf(full.end) : undefined}
          onChange={(event) => {
            setFrom(event.target.value);
            apply(event.target.value, to);
          }}
          aria-describedby="tl-zoom-problem"
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          value={to}
          min={full ? isoDayOf(full.start) : undefined}
          max={full ? isoDayOf(full.end) : undefined}
          onChange={(event) => {
            setTo(event.target.value);
            apply(from, event.target.value);
          }}
          aria-describedby="tl-zoom-problem"
        />
      </label>
      <button type="button" onClick={() => onZoom(null, null)} disabled={!zoomed}>
        Show the whole story
      </button>
      <p id="tl-zoom-problem" className="tl-zoom__problem" role="status">
        {problem}
      </p>
    </fieldset>
  );
}

type KindFilterProps = {
  kinds: readonly EventKind[];
  shown: readonly EventKind[];
  counts: ReadonlyMap<EventKind, number>;
  onChange: (kinds: EventKind[]) => void;
};

/** Which kinds of event to show; at least one stays on, since none would be an empty chart. */
export function KindFilter({ kinds, shown, counts, onChange }: KindFilterProps) {
  const toggle = (kind: EventKind) => {
    const next = shown.includes(kind)
      ? shown.filter((k) => k !== kind)
      : kinds.filter((k) => k === kind || shown.includes(k));
    if (next.length === 0) return;
    onChange(next.length === kinds.length ? [] : next);
  };
  return (
    <fieldset className="tl-kinds">
      <legend>Event kinds</legend>
      {kinds.map((kind) => {
        const checked = shown.includes(kind);
        return (
          <label key={kind} className={`tl-kinds__kind tl-kinds__kind--${kind}`}>
            <input
              type="checkbox"
              checked={checked}
              disabled={checked && shown.length === 1}
              onChange={() => toggle(kind)}
            />{' '}
            {KIND_LABELS[kind].many} ({counts.get(kind) ?? 0})
          </label>
        );
      })}
    </fieldset>
  );
}
