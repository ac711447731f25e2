import { memo, type ReactNode } from 'react';
import type { EventFormat, EventStatus } from '@/domain/schemas';
import { STATUS_GLYPHS } from '../model/labels';
import { FormatSymbol } from './event-mark';

function Swatch({ children, className }: { children: ReactNode; className: string }) {
  return (
    <svg className="tl-legend__swatch" width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
      <g className={className}>{children}</g>
    </svg>
  );
}

const FORMATS: [EventFormat, string][] = [
  ['virtual', 'virtual'],
  ['in-person', 'in person'],
  ['unknown', 'format not known'],
  ['not-applicable', 'not a meeting'],
];

const STATUSES: [EventStatus, string][] = [
  ['held', 'held (solid)'],
  ['planned', 'planned (outlined)'],
  ['postponed', 'postponed (dashed, slashed)'],
  ['cancelled', 'cancelled (dashed, crossed out)'],
];

/** What the shapes and styles of the chart mean; none of it rests on colour alone. */
export const TimelineLegend = memo(function TimelineLegend() {
  return (
    <ul className="tl-legend" aria-label="Legend">
      {FORMATS.map(([format, label]) => (
        <li key={format}>
          <Swatch className="tl-mark tl-mark--meeting tl-mark--held">
            <FormatSymbol format={format} cx={17} cy={8} r={5} />
          </Swatch>
          {label}
        </li>
      ))}
      {STATUSES.map(([status, label]) => (
        <li key={status}>
          <Swatch className={`tl-mark tl-mark--meeting tl-mark--${status}`}>
            {/* A shape no format uses, so that "held" never looks like "virtual". */}
            <rect className="tl-symbol" x={10} y={3} width={14} height={10} rx={5} />
            {status === 'postponed' || status === 'cancelled' ? (
              <line className="tl-mark__strike" x1={10} y1={15} x2={24} y2={1} />
            ) : null}
            {status === 'cancelled' ? <line className="tl-mark__strike" x1={10} y1={1} x2={24} y2={15} /> : null}
          </Swatch>
          <span aria-hidden="true" className="tl-glyph">
            {STATUS_GLYPHS[status]}
          </span>{' '}
          {label}
        </li>
      ))}
      <li>
        <Swatch className="tl-mark tl-mark--meeting tl-mark--held tl-mark--range">
          <rect className="tl-mark__range" x={2} y={3} width={30} height={10} rx={3} />
        </Swatch>
        date known only as a range
      </li>
      <li>
        <Swatch className="tl-publications">
          <rect className="tl-publication__mark" x={13} y={4} width={7} height={7} />
        </Swatch>
        article (publication date)
      </li>
      <li>
        <Swatch className="tl-publications">
          <polygon className="tl-publication__preview" points="12,3 22,8 12,13" />
        </Swatch>
        article written before an event it reports
      </li>
    </ul>
  );
});
