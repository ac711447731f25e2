import { useMemo } from 'react';
import { eventDateLabel, FORMAT_LABELS, KIND_LABELS, STATUS_LABELS } from '../model/labels';
import type { TimelineEvent } from '../model/timeline-data';
import { useTimelineUi } from '../store/timeline-ui-store';

/**
 * The event under the pointer or focus. Screen readers already hear the same from the mark's
 * label, so this box is for sighted readers only.
 */
export function ChartTooltip({ events }: { events: readonly TimelineEvent[] }) {
  const pointed = useTimelineUi((s) => s.pointed);
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const shown = pointed ? byId.get(pointed.id) : undefined;
  if (!pointed || !shown) return null;
  const { event, derivation, articleCount } = shown;
  return (
    <div className="tl-tooltip" aria-hidden="true" style={{ left: pointed.x, top: pointed.y }}>
      <p className="tl-tooltip__title">{event.title}</p>
      <p>
        {eventDateLabel(shown)}
        {derivation ? ` — from “${derivation.phrase}” (${derivation.outlet})` : ''}
      </p>
      <p>
        {KIND_LABELS[event.kind].one}
        {event.format === 'not-applicable' ? '' : `, ${FORMAT_LABELS[event.format]}`}, {STATUS_LABELS[event.status]};{' '}
        {articleCount} {articleCount === 1 ? 'article' : 'articles'}
      </p>
      <p className="tl-tooltip__hint">Click or press Enter for the sources.</p>
    </div>
  );
}
