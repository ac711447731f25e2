import { memo } from 'react';
import { formatDayNumber } from '../model/labels';
import type { PublicationDay } from '../model/timeline-data';

/** Up to this many articles a day (and this many in view) each get their own marker. */
const MAX_STACKED_PER_DAY = 6;
const MAX_INDIVIDUAL_ARTICLES = 60;
const STACK_STEP = 9;

type Props = {
  publications: readonly PublicationDay[];
  /** Pixel x of the start of a day. */
  x: (day: number) => number;
  top: number;
  height: number;
};

/**
 * Publication dates in their own lane, so one sees which reports came before which event. A
 * report written before an event it tells of (it speaks of it as planned) is drawn as ▷, a
 * look ahead. When the lane is dense, articles are counted per day instead.
 */
export const PublicationMarks = memo(function PublicationMarks({ publications, x, top, height }: Props) {
  const total = publications.reduce((n, day) => n + day.articles.length, 0);
  const busiest = publications.reduce((n, day) => Math.max(n, day.articles.length), 0);
  const individual = total <= MAX_INDIVIDUAL_ARTICLES && busiest <= MAX_STACKED_PER_DAY;
  const bottom = top + height - 6;
  return (
    <g className="tl-publications" data-aggregated={individual ? 'false' : 'true'} aria-hidden="true">
      {publications.map(({ day, articles }) => {
        const left = x(day);
        const width = Math.max(1, x(day + 1) - left);
        const cx = left + width / 2;
        const previews = articles.filter((a) => a.previews.length > 0);
        if (individual) {
          return articles.map((entry, i) => {
            const cy = bottom - 4 - i * STACK_STEP;
            const title =
              `${entry.outlet}: ${entry.article.title} (published ${formatDayNumber(day)})` +
              (entry.previews.length > 0
                ? `; written before what it reports: ${entry.previews.map((e) => e.event.title).join(', ')}`
                : '');
            return (
              <g key={entry.article.id} className="tl-publication" data-article-id={entry.article.id}>
                <title>{title}</title>
                {entry.previews.length > 0 ? (
                  <polygon
                    className="tl-publication__preview"
                    points={`${cx - 4},${cy - 4.5} ${cx + 5},${cy} ${cx - 4},${cy + 4.5}`}
                  />
                ) : (
                  <rect className="tl-publication__mark" x={cx - 3.5} y={cy - 3.5} width={7} height={7} />
                )}
              </g>
            );
          });
        }
        const barHeight = 3 + (articles.length / Math.max(1, busiest)) * (height - 14);
        return (
          <g key={day} className="tl-publication tl-publication--day">
            <title>
              {`${articles.length} articles published ${formatDayNumber(day)}` +
                (previews.length > 0 ? `; ${previews.length} written before an event they report` : '')}
            </title>
            <rect
              className="tl-publication__bar"
              x={left + (width > 3 ? 0.5 : 0)}
              y={bottom - barHeight}
              width={width > 3 ? width - 1 : width}
              height={barHeight}
            />
            {previews.length > 0 ? (
              <polygon
                className="tl-publication__preview"
                points={`${cx - 3},${bottom - barHeight - 9} ${cx + 4},${bottom - barHeight - 5.5} ${cx - 3},${bottom - barHeight - 2}`}
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
