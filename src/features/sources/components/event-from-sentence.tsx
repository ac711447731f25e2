import { useId, useMemo, useState, type FormEvent } from 'react';
import { mentionsInSentence, proposeEventDates } from '@/domain/event-date-proposal';
import {
  EVENT_KINDS,
  eventFormatSchema,
  eventKindSchema,
  eventStatusSchema,
  newEventSchema,
  versionedEventSchema,
  type Article,
  type EventDate,
  type EventFormat,
  type EventKind,
  type EventStatus,
  type Mention,
} from '@/domain/schemas';
import { sentenceAt } from '@/domain/word-boundaries';
import { useDeskNotice } from '@/components/desk/undo-store';
import { useDeskChange } from '@/lib/api/claim-desk-queries';
import type { TextSelection } from '../hooks/use-text-selection';
import { DeskError } from './desk-fields';

type Props = {
  storyId: string;
  article: Article;
  outletName: string;
  selection: TextSelection;
  /** The article's mentions: those in the sentence report the event. */
  mentions: readonly Mention[];
  onDone: () => void;
};

const dayOf = (date: EventDate) => (date.precision === 'day' ? date.start : `${date.start} to ${date.end}`);

/**
 * A timeline event from the sentence that holds the selected words: its date proposed from
 * the sentence's date phrase by the resolver the Timeline's form uses, the sentence's
 * mentions as the coverage that reports it.
 */
export function EventFromSentence({ storyId, article, outletName, selection, mentions, onDone }: Props) {
  const change = useDeskChange();
  const show = useDeskNotice((s) => s.show);
  const sentence = sentenceAt(article.sentences, selection.range[0]) ?? selection.range;
  const text = article.body.slice(sentence[0], sentence[1]).trim();
  const proposals = useMemo(
    () => proposeEventDates({ ...article, outletName }, sentence),
    [article, outletName, sentence],
  );
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<EventKind>('meeting');
  const [status, setStatus] = useState<EventStatus>('held');
  const [format, setFormat] = useState<EventFormat>('unknown');
  const [chosen, setChosen] = useState(0);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const name = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const proposal = proposals[chosen];
    const date: EventDate = proposal
      ? proposal.date
      : {
          precision: 'day',
          start: day,
          end: day,
          basis: `Coverage: “${text}” (${outletName}, published ${article.published.date}).`,
          derivedFrom: null,
        };
    const body = newEventSchema.safeParse({
      title,
      kind,
      format,
      status,
      date,
      participants: [],
      mentions: mentionsInSentence(mentions, article.id, sentence),
    });
    if (!body.success) {
      const issue = body.error.issues[0];
      const field = issue?.path.join('.') === 'title' ? 'Title' : issue?.path[0] === 'date' ? 'Day' : 'Event';
      setError(`${field}: ${field === 'Day' ? 'enter the day as YYYY-MM-DD' : (issue?.message ?? 'is not valid')}.`);
      return;
    }
    setError(null);
    change.mutate({
      method: 'POST',
      path: `/api/stories/${encodeURIComponent(storyId)}/events`,
      body: body.data,
      onDone: (answer) => {
        const saved = versionedEventSchema.parse(answer);
        show(
          `Event “${saved.title}” added to the timeline (${dayOf(saved.date)}).`,
          { method: 'DELETE', path: `/api/events/${encodeURIComponent(saved.id)}`, version: saved.version },
          article.id,
        );
        onDone();
      },
      onFail: (e) => setError(e.message),
    });
  };

  return (
    <form aria-label="Event from this sentence" className="desk-form" onSubmit={submit} noValidate>
      <DeskError error={error} id={errorId} />
      <p className="pane-desk__sentence">
        <span className="visually-hidden">Sentence: </span>“{text}”
      </p>
      <label>
        Title of the event
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(eventKindSchema.parse(e.target.value))}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(eventStatusSchema.parse(e.target.value))}>
          {eventStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(eventFormatSchema.parse(e.target.value))}>
          {eventFormatSchema.options.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      {proposals.length > 0 ? (
        <fieldset>
          <legend>Date (proposed from the sentence)</legend>
          {proposals.map((proposal, i) => (
            <label key={`${proposal.range[0]}`} className="pane-desk__choice">
              <input type="radio" name={name} checked={chosen === i} onChange={() => setChosen(i)} />“{proposal.phrase}
              ”: {dayOf(proposal.date)} ({proposal.reading})
            </label>
          ))}
        </fieldset>
      ) : (
        <label>
          Day (the sentence names no date)
          <input
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            required
            aria-describedby={error ? errorId : undefined}
          />
        </label>
      )}
      <button type="submit" disabled={change.isPending}>
        Add the event
      </button>
    </form>
  );
}
