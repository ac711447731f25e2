import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { datedSentences } from '@/domain/event-date-proposal';
import {
  EVENT_KINDS,
  EVENT_RELATIONS,
  MAX_EVENT_TITLE_LENGTH,
  eventFormatSchema,
  eventStatusSchema,
  type EventRelation,
  type Mention,
  type StanceCell,
} from '@/domain/schemas';
import type { AnyStoryIndex, StoryParts } from '@/domain/story-index';
import { ApiError } from '@/lib/api/api-error';
import { storyPartQueries } from '@/lib/api/story-part-queries';
import { formatDay } from '@/lib/format-date';
import { eventQueries } from '../api/event-queries';
import {
  draftErrors,
  FIELD_ORDER,
  fieldOfServer,
  HELD_AS_NOTE,
  withProposal,
  type DraftErrors,
  type DraftField,
  type EventDraft,
} from '../model/event-draft';
import { FORMAT_LABELS, KIND_LABELS, STATUS_LABELS } from '../model/labels';

const RELATION_LABELS: Record<EventRelation, string> = {
  'held-as': 'was held as (postponed → held)',
  related: 'is related to',
};

type EventFormProps = {
  /** The event being edited, or null for a new one. */
  eventId: string | null;
  initial: EventDraft;
  /** The story's overview: its events, sources and stance cells (the mentions to pick). */
  bundle: StoryParts<StanceCell>;
  index: AnyStoryIndex;
  saving: boolean;
  /** Saves the draft; a refusal throws the API's error, which the form shows at its field. */
  onSave: (draft: EventDraft) => Promise<void>;
  onCancel: () => void;
};

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * An event's fields for editors: title, kind, format, status, the date as a day or a range
 * with its basis (or proposed from a sentence's date phrase), participants, the mentions that
 * report it and a link to another event. Errors sit under their fields and the first takes focus.
 */
export function EventForm({ eventId, initial, bundle, index, saving, onSave, onCancel }: EventFormProps) {
  const id = useId();
  const fieldId = (field: DraftField) => `${id}-${field}`;
  const [draft, setDraft] = useState<EventDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [proposalNote, setProposalNote] = useState<string>('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const edit = (patch: Partial<EventDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  /** A date typed by hand is no longer the one the phrase gives: it keeps its basis, not the derivation. */
  const editDate = (patch: Partial<Pick<EventDraft, 'precision' | 'start' | 'end'>>) =>
    setDraft((previous) => ({ ...previous, ...patch, derivedFrom: null, record: undefined }));

  const focusFirst = (found: DraftErrors) => {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (!first) return;
    requestAnimationFrame(() => {
      const target =
        document.getElementById(fieldId(first)) ??
        formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] select`);
      target?.focus();
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found = draftErrors(draft);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setFormError('The event was not saved: correct the fields marked below.');
      focusFirst(found);
      return;
    }
    try {
      await onSave(draft);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof ApiError ? fieldOfServer(error.field) : null;
      if (field) {
        const next = { [field]: message };
        setErrors(next);
        setFormError('The server refused the event: correct the field marked below.');
        focusFirst(next);
      } else {
        setFormError(`Not saved: ${message}`);
      }
    }
  };

  const described = (field: DraftField, hint?: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': [hint, errors[field] ? `${fieldId(field)}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  const errorOf = (field: DraftField) =>
    errors[field] ? (
      <p id={`${fieldId(field)}-error`} className="tl-form__error">
        {errors[field]}
      </p>
    ) : null;

  const otherEvents = bundle.events.filter((e) => e.id !== eventId);
  const heading = eventId ? `Edit “${initial.title}”` : 'New event';
  return (
    <aside className="tl-details tl-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <form ref={formRef} noValidate aria-labelledby={`${id}-heading`} onSubmit={(e) => void onSubmit(e)}>
        <p role="alert" className="tl-form__alert">
          {formError ?? ''}
        </p>

        <Field label="Title" field="title" fieldId={fieldId} error={errorOf('title')}>
          <input
            id={fieldId('title')}
            type="text"
            value={draft.title}
            maxLength={MAX_EVENT_TITLE_LENGTH}
            required
            {...described('title')}
            onChange={(e) => edit({ title: e.target.value })}
          />
        </Field>
        <div className="tl-form__row">
          <Field label="Kind" field="kind" fieldId={fieldId} error={errorOf('kind')}>
            <select
              id={fieldId('kind')}
              value={draft.kind}
              {...described('kind')}
              onChange={(e) => edit({ kind: e.target.value as EventDraft['kind'] })}
            >
              {EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind].one}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Format" field="format" fieldId={fieldId} error={errorOf('format')}>
            <select
              id={fieldId('format')}
              value={draft.format}
              {...described('format')}
              onChange={(e) => edit({ format: e.target.value as EventDraft['format'] })}
            >
              {eventFormatSchema.options.map((format) => (
                <option key={format} value={format}>
                  {format === 'not-applicable' ? 'not applicable' : FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Status" field="status" fieldId={fieldId} error={errorOf('status')}>
            <select
              id={fieldId('status')}
              value={draft.status}
              {...described('status')}
              onChange={(e) => edit({ status: e.target.value as EventDraft['status'] })}
            >
              {eventStatusSchema.options.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </Field>
        </div>

        <fieldset className="tl-form__group">
          <legend>Date</legend>
          <SentencePicker
            bundle={bundle}
            index={index}
            fieldId={fieldId}
            error={errorOf('sentence')}
            describedBy={described('sentence')}
            onPropose={(proposal, sentence, articleId, outlet, mentions) => {
              setDraft((previous) => withProposal(previous, proposal, sentence, articleId, mentions));
              const when =
                proposal.date.precision === 'day'
                  ? formatDay(proposal.date.start)
                  : `${formatDay(proposal.date.start)} to ${formatDay(proposal.date.end)}`;
              setProposalNote(
                `Proposed ${when} from “${proposal.phrase}” in ${outlet}: ${proposal.reading}${
                  proposal.ambiguous ? ' (the phrase has more than one reading; the range spans them)' : ''
                }.`,
              );
            }}
          />
          <p className="tl-form__hint" role="status">
            {proposalNote}
          </p>
          <div className="tl-form__row" data-field="precision">
            <span className="tl-form__label" id={`${fieldId('precision')}-label`}>
              Precision
            </span>
            <div role="radiogroup" aria-labelledby={`${fieldId('precision')}-label`} className="tl-form__radios">
              {(['day', 'range'] as const).map((precision) => (
                <label key={precision}>
                  <input
                    type="radio"
                    name={fieldId('precision')}
                    id={precision === 'day' ? fieldId('precision') : undefined}
                    value={precision}
                    checked={draft.precision === precision}
                    onChange={() => editDate({ precision })}
                  />{' '}
                  {precision === 'day' ? 'A day' : 'A range (the sources only bound it)'}
                </label>
              ))}
            </div>
            {errorOf('precision')}
          </div>
          <div className="tl-form__row">
            <Field
              label={draft.precision === 'day' ? 'Day' : 'First day'}
              field="start"
              fieldId={fieldId}
              error={errorOf('start')}
            >
              <input
                id={fieldId('start')}
                type="date"
                value={draft.start}
                required
                {...described('start')}
                onChange={(e) => editDate({ start: e.target.value })}
              />
            </Field>
            {draft.precision === 'range' ? (
              <Field label="Last day" field="end" fieldId={fieldId} error={errorOf('end')}>
                <input
                  id={fieldId('end')}
                  type="date"
                  value={draft.end}
                  required
                  {...described('end')}
                  onChange={(e) => editDate({ end: e.target.value })}
                />
              </Field>
            ) : null}
          </div>
          <Field label="Basis of the date" field="basis" fieldId={fieldId} error={errorOf('basis')}>
            <textarea
              id={fieldId('basis')}
              rows={3}
              value={draft.basis}
              required
              {...described('basis', `${fieldId('basis')}-hint`)}
              onChange={(e) => edit({ basis: e.target.value })}
            />
          </Field>
          <p id={`${fieldId('basis')}-hint`} className="tl-form__hint">
            {draft.derivedFrom
              ? `Derived from “${draft.derivedFrom.phrase}”; the server checks the date against the phrase.`
              : 'Where the date comes from: the phrase in the coverage, or the record it rests on.'}
          </p>
        </fieldset>

        <CheckList
          legend="Participants"
          field="participants"
          error={errorOf('participants')}
          empty="No actor is named in this story yet."
          options={bundle.actors.map((actor) => ({ id: actor.id, label: actor.name }))}
          selected={draft.participants}
          onChange={(participants) => edit({ participants })}
        />
        <CheckList
          legend="Mentions that report it"
          field="mentions"
          error={errorOf('mentions')}
          empty="No mention is recorded in this story yet."
          options={bundle.mentions.map((mention) => {
            const article = index.articles.get(mention.article);
            const outlet = article ? (index.outlets.get(article.outlet)?.name ?? article.outlet) : mention.article;
            const claim = index.claims.get(mention.claim)?.text ?? mention.claim;
            return { id: mention.id, label: `${outlet}: ${shorten(claim, 80)} (${mention.stance})` };
          })}
          selected={draft.mentions}
          onChange={(mentions) => edit({ mentions })}
        />

        <fieldset className="tl-form__group">
          <legend>Link to another event</legend>
          <div className="tl-form__row">
            <Field label="This event" field="link-relation" fieldId={fieldId} error={errorOf('link-relation')}>
              <select
                id={fieldId('link-relation')}
                value={draft.link.relation}
                {...described('link-relation')}
                onChange={(e) => {
                  const relation = e.target.value as EventRelation;
                  const note =
                    draft.link.note === HELD_AS_NOTE && relation !== 'held-as'
                      ? ''
                      : draft.link.note === '' && relation === 'held-as'
                        ? HELD_AS_NOTE
                        : draft.link.note;
                  edit({ link: { ...draft.link, relation, note } });
                }}
              >
                {EVENT_RELATIONS.map((relation) => (
                  <option key={relation} value={relation}>
                    {RELATION_LABELS[relation]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Linked event" field="link-event" fieldId={fieldId} error={errorOf('link-event')}>
              <select
                id={fieldId('link-event')}
                value={draft.link.event}
                {...described('link-event')}
                onChange={(e) => edit({ link: { ...draft.link, event: e.target.value } })}
              >
                <option value="">No link</option>
                {otherEvents.map((other) => (
                  <option key={other.id} value={other.id}>
                    {shorten(other.title, 70)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {draft.link.event ? (
            <Field label="Note on the link" field="link-note" fieldId={fieldId} error={errorOf('link-note')}>
              <input
                id={fieldId('link-note')}
                type="text"
                value={draft.link.note}
                {...described('link-note')}
                onChange={(e) => edit({ link: { ...draft.link, note: e.target.value } })}
              />
            </Field>
          ) : null}
        </fieldset>

        <div className="tl-form__actions">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : eventId ? 'Save changes' : 'Add event'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </aside>
  );
}

function Field({
  label,
  field,
  fieldId,
  error,
  children,
}: {
  label: string;
  field: DraftField;
  fieldId: (field: DraftField) => string;
  error: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="tl-form__field" data-field={field}>
      <label htmlFor={fieldId(field)}>{label}</label>
      {children}
      {error}
    </div>
  );
}

function CheckList({
  legend,
  field,
  error,
  empty,
  options,
  selected,
  onChange,
}: {
  legend: string;
  field: DraftField;
  error: ReactNode;
  empty: string;
  options: { id: string; label: string }[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const chosen = new Set(selected);
  return (
    <fieldset className="tl-form__group" data-field={field}>
      <legend>
        {legend} ({selected.length} chosen)
      </legend>
      {error}
      {options.length === 0 ? <p className="tl-form__hint">{empty}</p> : null}
      <ul className="tl-form__checks">
        {options.map((option) => (
          <li key={option.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(option.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? options.filter((o) => chosen.has(o.id) || o.id === option.id).map((o) => o.id)
                      : selected.filter((id) => id !== option.id),
                  )
                }
              />{' '}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type Proposal = ReturnType<typeof datedSentences>[number]['proposals'][number];

/** "Event from this sentence": an article, then one of its sentences with a date phrase. */
function SentencePicker({
  bundle,
  index,
  fieldId,
  error,
  describedBy,
  onPropose,
}: {
  bundle: StoryParts<StanceCell>;
  index: AnyStoryIndex;
  fieldId: (field: DraftField) => string;
  error: ReactNode;
  describedBy: Record<string, unknown>;
  /** With the article's mentions and their evidence: those in the sentence report the event. */
  onPropose: (
    proposal: Proposal,
    sentence: readonly [number, number],
    articleId: string,
    outlet: string,
    mentions: readonly Mention[],
  ) => void;
}) {
  const [articleId, setArticleId] = useState('');
  const [choice, setChoice] = useState('');
  const article = useQuery({ ...eventQueries.article(articleId), enabled: articleId !== '' });
  const evidence = useQuery({
    ...storyPartQueries.evidence(bundle.story.id, { article: articleId }),
    enabled: articleId !== '',
  });
  const meta = index.articles.get(articleId);
  const outlet = meta ? (index.outlets.get(meta.outlet)?.name ?? meta.outlet) : '';
  const options = useMemo(() => {
    if (!article.data || !evidence.data) return [];
    return datedSentences({ ...article.data, outletName: outlet }).flatMap((sentence) =>
      sentence.proposals.map((proposal, i) => ({
        key: `${sentence.index}:${i}`,
        label: `“${proposal.phrase}”: ${shorten(sentence.text)}`,
        sentence,
        proposal,
      })),
    );
  }, [article.data, evidence.data, outlet]);
  const chosen = options.find((option) => option.key === choice) ?? options[0];

  return (
    <div className="tl-form__sentence" data-field="sentence">
      <div className="tl-form__row">
        <div className="tl-form__field">
          <label htmlFor={`${fieldId('sentence')}-article`}>Date from a sentence of</label>
          <select
            id={`${fieldId('sentence')}-article`}
            value={articleId}
            onChange={(e) => {
              setArticleId(e.target.value);
              setChoice('');
            }}
          >
            <option value="">Choose an article</option>
            {bundle.articles.map((a) => (
              <option key={a.id} value={a.id}>
                {index.outlets.get(a.outlet)?.name ?? a.outlet}: {shorten(a.title, 60)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {articleId && (article.isPending || evidence.isPending) ? (
        <p className="tl-form__hint">Loading the article…</p>
      ) : null}
      {articleId && article.data && evidence.data && options.length === 0 ? (
        <p className="tl-form__hint">No sentence of this article has a date phrase.</p>
      ) : null}
      {options.length > 0 ? (
        <div className="tl-form__row">
          <div className="tl-form__field tl-form__field--wide">
            <label htmlFor={fieldId('sentence')}>Sentence</label>
            <select
              id={fieldId('sentence')}
              value={chosen?.key ?? ''}
              {...describedBy}
              onChange={(e) => setChoice(e.target.value)}
            >
              {options.map((option) => (
                <option key={option.key} value={option.key}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() =>
              chosen &&
              evidence.data &&
              onPropose(chosen.proposal, chosen.sentence.range, articleId, outlet, evidence.data.mentions)
            }
          >
            Propose the date
          </button>
        </div>
      ) : null}
      {error}
    </div>
  );
}
