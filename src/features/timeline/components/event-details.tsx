import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { ResearchNotes } from '@/components/research-notes';
import { readableReferences } from '@/domain/article-references';
import { StanceBadge } from '@/components/stance-badge';
import type { AnyStoryIndex } from '@/domain/story-index';
import type { UrlState } from '@/domain/url-state';
import { formatDay } from '@/lib/format-date';
import { Link } from '@/lib/router/link';
import { hrefFor } from '@/lib/url-state/use-url-state';
import { eventDateLabel, FORMAT_LABELS, KIND_LABELS, STATUS_GLYPHS } from '../model/labels';
import { EventStatusText } from './event-status';
import { SAID_LABELS } from '../model/mention-status';
import type { EventReport, ReportTiming, TimelineEvent } from '../model/timeline-data';
import { useTimelineUi } from '../store/timeline-ui-store';

type EventDetailsProps = {
  eventId: string;
  timelineEvent: TimelineEvent | undefined;
  /** The title of another event of the story, for links to related events. */
  titleOf: (eventId: string) => string;
  index: AnyStoryIndex;
  state: UrlState;
  onClose: () => void;
  /** What an editor may do with the event (edit, delete), shown under its title. */
  actions?: ReactNode;
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function timingText({ relation, days }: ReportTiming, isRange: boolean): string {
  if (relation === 'before') return `published ${plural(days, 'day')} before it`;
  if (relation === 'after') return `published ${plural(days, 'day')} after it`;
  return isRange ? 'published within its range' : 'published the same day';
}

/** The open event: its date and where it comes from, and every article that reports it, with the evidence. */
export function EventDetails({ eventId, timelineEvent, titleOf, index, state, onClose, actions }: EventDetailsProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusPanel = useTimelineUi((s) => s.focusPanel);
  const requestPanelFocus = useTimelineUi((s) => s.requestPanelFocus);
  useEffect(() => {
    if (!focusPanel) return;
    headingRef.current?.focus();
    requestPanelFocus(false);
  }, [focusPanel, eventId, requestPanelFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  if (!timelineEvent) {
    return (
      <aside className="tl-details" aria-labelledby="tl-details-heading" onKeyDown={onKeyDown}>
        <h3 id="tl-details-heading" ref={headingRef} tabIndex={-1}>
          Event not found
        </h3>
        <p role="alert">There is no event “{eventId}” in this story.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </aside>
    );
  }

  const { event, reports, claims, derivation } = timelineEvent;
  const participants = event.participants.map((id) => index.actors.get(id)?.name ?? id);
  return (
    <aside className="tl-details" aria-labelledby="tl-details-heading" onKeyDown={onKeyDown}>
      <div className="tl-details__head">
        <h3 id="tl-details-heading" ref={headingRef} tabIndex={-1}>
          {event.title}
        </h3>
        <button type="button" className="tl-details__close" onClick={onClose}>
          Close<span className="visually-hidden"> details of {event.title}</span>
        </button>
      </div>
      {actions}
      <dl className="tl-details__facts">
        <dt>Date</dt>
        <dd>
          <span className={`date date--${event.date.precision}`}>{eventDateLabel(timelineEvent)}</span>
          {event.date.record ? <span className="date__source">The day is from the public record.</span> : null}
          {derivation ? (
            <span className="date__phrase">
              {event.date.record ? 'The coverage says only ' : 'From '}“{derivation.phrase}” in{' '}
              {derivation.outlet || 'an unknown article'}
              {derivation.article ? `, published ${formatDay(derivation.article.published.date)}` : ''}
              {derivation.reading ? `: ${derivation.reading}` : ''}.
            </span>
          ) : null}
          <span className="date__basis">{readableReferences(event.date.basis, index)}</span>
          <ResearchNotes ids={event.date.record ? [event.date.record] : []} index={index} what="the date" />
        </dd>
        <dt>Kind</dt>
        <dd>{KIND_LABELS[event.kind].one}</dd>
        <dt>Format</dt>
        <dd>{FORMAT_LABELS[event.format]}</dd>
        <dt>Status</dt>
        <dd>
          <EventStatusText status={event.status} />
        </dd>
        {participants.length > 0 ? (
          <>
            <dt>Participants</dt>
            <dd>{participants.join(', ')}</dd>
          </>
        ) : null}
        {event.related && event.related.length > 0 ? (
          <>
            <dt>Related events</dt>
            {event.related.map((link) => (
              <dd key={link.event}>
                <Link to={hrefFor(state, { event: link.event })}>{titleOf(link.event)}</Link>: {link.note}
              </dd>
            ))}
          </>
        ) : null}
      </dl>

      <h4>Reported by {plural(reports.length, 'article')}</h4>
      {reports.length === 0 ? <p>No article in this story reports it.</p> : null}
      <ol className="tl-reports">
        {reports.map((report) => (
          <ReportItem
            key={report.article.id}
            report={report}
            state={state}
            isRange={event.date.precision === 'range'}
          />
        ))}
      </ol>

      <h4 id="tl-details-claims">Claims linked to this event ({claims.length})</h4>
      <ul className="tl-claims" aria-labelledby="tl-details-claims">
        {claims.map((claim) => (
          <li key={claim.id}>
            <Link to={hrefFor(state, { view: 'claim', claim: claim.id })}>{claim.text}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function ReportItem({ report, state, isRange }: { report: EventReport; state: UrlState; isRange: boolean }) {
  const { article, outlet, timing, says, mentions, previews } = report;
  return (
    <li className="tl-report" data-article-id={article.id}>
      <p className="tl-report__head">
        <span className="tl-report__outlet">{outlet}</span>, <cite>{article.title}</cite>
      </p>
      <p className="tl-report__meta">
        {formatDay(article.published.date)}, {timingText(timing, isRange)}
        {says ? (
          <>
            {' — '}
            <strong className={`tl-says tl-says--${says}`} data-status-text={says}>
              <span aria-hidden="true">{says === 'disputed' ? '≠' : STATUS_GLYPHS[says]}</span> {SAID_LABELS[says]}
            </strong>
          </>
        ) : null}
        {previews ? ' (written before it took place)' : ''}
      </p>
      <ul className="tl-report__mentions">
        {mentions.map(({ mention, claim, quotes, says: mentionSays }) => (
          <li key={mention.id}>
            <p className="tl-report__claim">
              <StanceBadge stance={mention.stance} /> {claim?.text ?? mention.claim}{' '}
              <span className="tl-report__said">({SAID_LABELS[mentionSays]})</span>
            </p>
            {quotes.map((quote, i) => (
              <blockquote key={i} className={`evidence evidence--${mention.stance}`}>
                {quote}
              </blockquote>
            ))}
            <Link
              className="tl-report__open"
              to={hrefFor(state, { view: 'sources', claim: mention.claim, panes: [article.id] })}
            >
              Show in Sources
              <span className="visually-hidden">
                : {outlet}, evidence for “{claim?.text ?? mention.claim}”
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
