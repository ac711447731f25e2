import type { EventStatus } from '@/domain/schemas';
import { STATUS_GLYPHS, STATUS_LABELS } from '../model/labels';

/** An event's status as glyph and word (the colour only repeats it). */
export function EventStatusText({ status }: { status: EventStatus }) {
  return (
    <span className={`status status--${status}`} data-status-text={status}>
      <span aria-hidden="true" className="status__glyph">
        {STATUS_GLYPHS[status]}
      </span>{' '}
      {STATUS_LABELS[status]}
    </span>
  );
}
