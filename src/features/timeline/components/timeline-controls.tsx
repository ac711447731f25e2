import { useState } from 'react';
import { isoDayOf } from '@/domain/calendar-days';
import type { EventKind } from '@/domain/schemas';
import { formatDay } from '@/lib/format-date';
import { parseDayInput } from '../model/day-input';
import { KIND_LABELS } from '../model/labels';
import type { DayWindow } from '../model/timeline-window';

type ZoomControlsProps = {
  shown: DayWindow;
  full: DayWindow | null;
  zoomed: boolean;
  onZoom: (from: string | null, to: string | null) => void;
};

/**
 * The zoom as two dates, the keyboard and screen reader way to what the brush does, written as
 * the rest of the app writes days ("18 Apr 2024"; an ISO day is read too).
 */
export function ZoomControls({ shown, full, zoomed, onZoom }: ZoomControlsProps) {
  const [from, setFrom] = useState(formatDay(isoDayOf(shown.start)));
  const [to, setTo] = useState(formatDay(isoDayOf(shown.end)));
  const [problem, setProblem] = useState<string | null>(null);
  const bounds = full ? `between ${formatDay(isoDayOf(full.start))} and ${formatDay(isoDayOf(full.end))}` : '';

  /** Zooms once both fields hold whole days; `finished` (the field was left) says what is wrong. */
  const apply = (nextFrom: string, nextTo: string, finished: boolean) => {
    const start = parseDayInput(nextFrom);
    const end = parseDayInput(nextTo);
    if (start === null || end === null) {
      if (finished) setProblem('Enter both dates as days, like 18 Apr 2024.');
      return;
    }
    if (start > end) {
      setProblem('The start must be on or before the end; the zoom is unchanged.');
      return;
    }
    setProblem(null);
    onZoom(start, end);
  };

  return (
    <fieldset className="tl-zoom">
      <legend>Zoom</legend>
      <label>
        From{' '}
        <input
          type="text"
          inputMode="text"
          size={11}
          value={from}
          onChange={(event) => {
            setFrom(event.target.value);
            apply(event.target.value, to, false);
          }}
          onBlur={() => apply(from, to, true)}
          aria-describedby="tl-zoom-format tl-zoom-problem"
        />
      </label>
      <label>
        To{' '}
        <input
          type="text"
          inputMode="text"
          size={11}
          value={to}
          onChange={(event) => {
            setTo(event.target.value);
            apply(from, event.target.value, false);
          }}
          onBlur={() => apply(from, to, true)}
          aria-describedby="tl-zoom-format tl-zoom-problem"
        />
      </label>
      <button type="button" onClick={() => onZoom(null, null)} disabled={!zoomed}>
        Show the whole story
      </button>
      <p id="tl-zoom-format" className="tl-zoom__format">
        Days like 18 Apr 2024{bounds ? `, ${bounds}` : ''}.
      </p>
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
