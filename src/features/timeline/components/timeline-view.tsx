import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isoDayOf } from '@/domain/calendar-days';
import { canEditVerdicts, EVENT_KINDS, type EventKind } from '@/domain/schemas';
import { QueryStatus } from '@/components/query-status';
import { sessionQueries } from '@/lib/api/session-queries';
import { useStoryOverview } from '@/lib/story/use-story-data';
import { useUrlState } from '@/lib/url-state/use-url-state';
import { timelineDataFor } from '../model/timeline-data';
import { summarizeTimeline } from '../model/timeline-summary';
import {
  chooseWindow,
  shownKinds,
  storyWindow,
  visibleEvents,
  visiblePublications,
  type DayWindow,
} from '../model/timeline-window';
import { eventQueries, inverseOf, useEventChange, type EventChange } from '../api/event-queries';
import { useTimelineUi } from '../store/timeline-ui-store';
import { EventDetails } from './event-details';
import { EventEditor } from './event-editor';
import { EventsTable, rowButtonId } from './events-table';
import { TimelineChart } from './timeline-chart';
import { KindFilter, ZoomControls } from './timeline-controls';
import { TimelineExport } from './timeline-export';
import { TimelineLegend } from './timeline-legend';
import { TimelineOverview } from './timeline-overview';
import { UndoNotice, type UndoState } from './undo-notice';
import './timeline.css';

const SUMMARY_ID = 'tl-summary';

/** The story's events on a date axis, with an overview to zoom, a table of the same events and the sources of each. */
export function TimelineView() {
  // The chart, the table and the event form read the overview; the form proposes dates from one article's evidence.
  const data = useStoryOverview();
  const { state, setUrlState } = useUrlState();
  const chartRef = useRef<HTMLDivElement>(null);
  const requestPanelFocus = useTimelineUi((s) => s.requestPanelFocus);
  const showOpen = useTimelineUi((s) => s.showOpen);
  useLayoutEffect(() => showOpen(state.event), [showOpen, state.event]);
  const session = useQuery(sessionQueries.current());
  const user = session.data?.user ?? null;
  const canEdit = user !== null && canEditVerdicts(user.role);
  const client = useQueryClient();
  const change = useEventChange();
  /** The event form: null when closed, `{ id: null }` for a new event. */
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const bundle = data.status === 'success' ? data.bundle : null;
  const index = data.status === 'success' ? data.index : null;
  const timeline = useMemo(() => (bundle && index ? timelineDataFor(bundle, index) : null), [bundle, index]);
  const whole = useMemo(() => storyWindow(timeline?.span ?? null), [timeline]);
  const choice = useMemo(() => chooseWindow(whole, state.from, state.to), [whole, state.from, state.to]);
  // By value: the URL decodes to a new array on every change, even when the kinds stay the same.
  const kindsKey = state.kinds.join(',');
  const kinds = useMemo(
    () => shownKinds(EVENT_KINDS, kindsKey ? (kindsKey.split(',') as EventKind[]) : []),
    [kindsKey],
  );
  const events = useMemo(
    () => (timeline ? visibleEvents(timeline.events, kinds, choice.window) : []),
    [timeline, kinds, choice.window],
  );
  const publications = useMemo(
    () => (timeline ? visiblePublications(timeline.publications, choice.window) : []),
    [timeline, choice.window],
  );
  const kindCounts = useMemo(() => {
    const counts = new Map<EventKind, number>();
    for (const e of timeline?.events ?? []) counts.set(e.event.kind, (counts.get(e.event.kind) ?? 0) + 1);
    return counts;
  }, [timeline]);
  const summary = useMemo(
    () =>
      summarizeTimeline({
        events,
        total: timeline?.events.length ?? 0,
        kinds,
        publications,
        window: choice.window,
      }),
    [events, timeline, kinds, publications, choice.window],
  );

  // Stable across URL changes, so memoized rows and marks do not re-render for a new handler.
  const latestSetUrlState = useRef(setUrlState);
  useLayoutEffect(() => {
    latestSetUrlState.current = setUrlState;
  });
  const openEvent = useCallback(
    (id: string) => {
      requestPanelFocus(true);
      latestSetUrlState.current({ event: id });
    },
    [requestPanelFocus],
  );
  const zoomWindow = useCallback(
    (window: DayWindow | null) =>
      latestSetUrlState.current(
        { from: window ? isoDayOf(window.start) : null, to: window ? isoDayOf(window.end) : null },
        { replace: true },
      ),
    [],
  );
  const closeEvent = () => {
    const id = state.event;
    setUrlState({ event: null });
    if (!id) return;
    // Back to where the reader opened it: the chart mark, or the table row.
    requestAnimationFrame(() => {
      const mark = chartRef.current?.querySelector<SVGGElement>(`[data-event-id="${id}"]`);
      (mark ?? document.getElementById(rowButtonId(id)))?.focus();
    });
  };
  const zoomTo = (from: string | null, to: string | null) => setUrlState({ from, to }, { replace: true });

  const afterChange = (done: EventChange) => {
    setUndo({ kind: 'done', change: done });
    setEditing(null);
    if (done.kind === 'removed') setUrlState({ event: null });
    else {
      requestPanelFocus(true);
      setUrlState({ event: done.event.id });
    }
  };
  const deleteEvent = async (id: string) => {
    setDeleteError(null);
    try {
      const current = await client.fetchQuery(eventQueries.detail(id));
      afterChange(await change.mutateAsync({ kind: 'remove', id, version: current.version }));
    } catch (error) {
      setDeleteError(`Not deleted: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const undoLast = async () => {
    if (undo?.kind !== 'done') return;
    const last = undo.change;
    setUndo({ kind: 'undoing', change: last });
    try {
      const inverse = await change.mutateAsync(inverseOf(last));
      setUndo({ kind: 'undone', change: last });
      setUrlState({ event: inverse.kind === 'removed' ? null : inverse.event.id });
    } catch (error) {
      setUndo({ kind: 'failed', change: last, message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (data.status !== 'success') return <QueryStatus {...data} what="the story" />;
  if (!timeline) return null;
  const { window: shown, full } = choice;
  const chartLabel = `Timeline of ${data.bundle.story.title}`;

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Sequence of events</h2>
      <p className="view-intro">
        Meetings, attacks, announcements and operations on a date axis, with the day each article came out. Open an
        event for the articles that report it and their exact words.
      </p>
      {choice.problem ? (
        <p className="notice" role="alert">
          {choice.problem}
        </p>
      ) : null}
      <div className="tl-controls">
        <KindFilter
          kinds={EVENT_KINDS}
          shown={kinds}
          counts={kindCounts}
          onChange={(next) => setUrlState({ kinds: next })}
        />
        {shown ? (
          <ZoomControls
            key={`${shown.start}:${shown.end}`}
            shown={shown}
            full={full}
            zoomed={choice.zoomed}
            onZoom={zoomTo}
          />
        ) : null}
        {canEdit ? (
          <button
            type="button"
            className="tl-add"
            onClick={() => setEditing({ id: null })}
            disabled={editing?.id === null}
          >
            Add event
          </button>
        ) : null}
        <TimelineExport
          storyId={data.bundle.story.id}
          title={chartLabel}
          events={events}
          chartSvg={() => chartRef.current?.querySelector('svg') ?? null}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {`Showing ${events.length} of ${timeline.events.length} events.`}
      </p>

      {undo ? <UndoNotice state={undo} onUndo={() => void undoLast()} onDismiss={() => setUndo(null)} /> : null}
      {deleteError ? (
        <p className="notice" role="alert">
          {deleteError}
        </p>
      ) : null}

      <div className="tl-layout">
        <div className="tl-main">
          <figure className="tl-figure" aria-labelledby="tl-figure-caption">
            <figcaption id="tl-figure-caption" className="tl-figure__caption">
              {chartLabel}
            </figcaption>
            {shown && full ? (
              <>
                <TimelineOverview
                  full={full}
                  shown={shown}
                  events={timeline.events}
                  publications={timeline.publications}
                  onZoom={zoomWindow}
                />
                <TimelineChart
                  events={events}
                  publications={publications}
                  articleCount={timeline.articleCount}
                  shown={shown}
                  kinds={kinds}
                  onOpen={openEvent}
                  onZoom={zoomWindow}
                  label={`${chartLabel}: one mark per event, arrow keys move between them, Enter opens one`}
                  denseLabel={`${chartLabel}: events counted per day and kind, too many to draw each; arrow keys move between the days, Enter zooms in on one`}
                  describedBy={SUMMARY_ID}
                  containerRef={chartRef}
                />
              </>
            ) : null}
            <TimelineLegend />
            <p id={SUMMARY_ID} className="tl-summary">
              {summary}
            </p>
          </figure>
          <EventsTable events={events} total={timeline.events.length} openId={state.event} onOpen={openEvent} />
        </div>
        {editing && canEdit ? (
          <EventEditor
            key={editing.id ?? 'new'}
            eventId={editing.id}
            bundle={data.bundle}
            index={data.index}
            onSaved={afterChange}
            onCancel={() => setEditing(null)}
          />
        ) : state.event ? (
          <EventDetails
            eventId={state.event}
            timelineEvent={timeline.byId.get(state.event)}
            titleOf={(id) => timeline.byId.get(id)?.event.title ?? id}
            index={data.index}
            state={state}
            onClose={closeEvent}
            actions={
              canEdit && timeline.byId.has(state.event) ? (
                <div className="tl-details__actions">
                  <button type="button" onClick={() => setEditing({ id: state.event })}>
                    Edit event
                  </button>
                  <button
                    type="button"
                    disabled={change.isPending}
                    onClick={() => state.event && void deleteEvent(state.event)}
                  >
                    Delete event
                  </button>
                </div>
              ) : null
            }
          />
        ) : (
          // Holds the details column open, so opening an event does not resize (and redraw) the chart.
          <p className="tl-details tl-details--empty">
            Choose an event on the chart or in the table to see the articles that report it.
          </p>
        )}
      </div>
    </section>
  );
}
