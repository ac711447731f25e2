import { QueryStatus } from '../../../components/query-status';
import { formatDayRange } from '../../../lib/format-date';
import { useStoryData } from '../../../lib/story/use-story-data';

const FORMAT_LABELS = {
  virtual: 'virtual',
  'in-person': 'in person',
  unknown: 'not yet known',
  'not-applicable': '—',
} as const;

/** The story's events in date order, with the articles that report each. */
export function TimelineView() {
  const data = useStoryData();
  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  const { bundle, index } = data;
  const events = [...bundle.events].sort(
    (a, b) => a.date.start.localeCompare(b.date.start) || a.date.end.localeCompare(b.date.end),
  );

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Sequence of events</h2>
      <table className="events-table">
        <caption>
          {events.length} events; a date the coverage only bounds is shown as a range, with where it comes from.
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Kind</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col">Reported by</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const reporters = new Set(
              event.mentions.flatMap((id) => {
                const mention = index.mentions.get(id);
                const article = mention && index.articles.get(mention.article);
                return article ? [index.outlets.get(article.outlet)?.name ?? article.outlet] : [];
              }),
            );
            return (
              <tr key={event.id}>
                <td>
                  <span className={`date date--${event.date.precision}`}>
                    {formatDayRange(event.date.start, event.date.end)}
                  </span>
                  <span className="date__basis">{event.date.basis}</span>
                </td>
                <th scope="row">{event.title}</th>
                <td>{event.kind}</td>
                <td>{FORMAT_LABELS[event.format]}</td>
                <td>
                  <span className={`status status--${event.status}`}>{event.status}</span>
                </td>
                <td>{[...reporters].join(', ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
