import { isIsoDay } from '@/domain/calendar-days';
import { mentionsInSentence, type EventDateProposal } from '@/domain/event-date-proposal';
import type {
  EventFormat,
  EventKind,
  EventPatch,
  EventRelation,
  EventStatus,
  Mention,
  NewEvent,
  StoryEvent,
} from '@/domain/schemas';

/** What the event form edits: an event's fields, with its date and its first link spelled out. */
export type EventDraft = {
  title: string;
  kind: EventKind;
  format: EventFormat;
  status: EventStatus;
  precision: 'day' | 'range';
  start: string;
  end: string;
  basis: string;
  derivedFrom: { article: string; phrase: string } | null;
  record: string | undefined;
  participants: string[];
  mentions: string[];
  link: { event: string; relation: EventRelation; note: string };
  /** Links beyond the first, kept as they are. */
  otherLinks: NonNullable<StoryEvent['related']>;
};

/** The form's fields, as error messages and focus name them. */
export type DraftField =
  | 'title'
  | 'kind'
  | 'format'
  | 'status'
  | 'precision'
  | 'start'
  | 'end'
  | 'basis'
  | 'sentence'
  | 'participants'
  | 'mentions'
  | 'link-event'
  | 'link-relation'
  | 'link-note';

export type DraftErrors = Partial<Record<DraftField, string>>;

/** The order errors are met in, top to bottom: the first one takes focus. */
export const FIELD_ORDER: readonly DraftField[] = [
  'title',
  'kind',
  'format',
  'status',
  'sentence',
  'precision',
  'start',
  'end',
  'basis',
  'participants',
  'mentions',
  'link-event',
  'link-relation',
  'link-note',
];

export const HELD_AS_NOTE = 'Postponed, then held as this event';

export function emptyDraft(): EventDraft {
  return {
    title: '',
    kind: 'meeting',
    format: 'unknown',
    status: 'held',
    precision: 'day',
    start: '',
    end: '',
    basis: '',
    derivedFrom: null,
    record: undefined,
    participants: [],
    mentions: [],
    link: { event: '', relation: 'held-as', note: HELD_AS_NOTE },
    otherLinks: [],
  };
}

export function draftOf(event: StoryEvent): EventDraft {
  const [first, ...others] = event.related ?? [];
  return {
    title: event.title,
    kind: event.kind,
    format: event.format,
    status: event.status,
    precision: event.date.precision,
    start: event.date.start,
    end: event.date.end,
    basis: event.date.basis,
    derivedFrom: event.date.derivedFrom,
    record: event.date.record,
    participants: [...event.participants],
    mentions: [...event.mentions],
    link: first
      ? { event: first.event, relation: first.relation ?? 'related', note: first.note }
      : { event: '', relation: 'held-as', note: HELD_AS_NOTE },
    otherLinks: others,
  };
}

/** A proposed date put into the draft, with the mentions that sit in the sentence it came from. */
export function withProposal(
  draft: EventDraft,
  proposal: EventDateProposal,
  sentence: readonly [number, number],
  articleId: string,
  mentions: readonly Mention[],
): EventDraft {
  const inSentence = mentionsInSentence(mentions, articleId, sentence);
  return {
    ...draft,
    precision: proposal.date.precision,
    start: proposal.date.start,
    end: proposal.date.end,
    basis: proposal.date.basis,
    derivedFrom: proposal.date.derivedFrom,
    record: undefined,
    mentions: [...new Set([...draft.mentions, ...inSentence])],
  };
}

/** What the form can tell before sending: each field that cannot be saved as it stands. */
export function draftErrors(draft: EventDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.title.trim() === '') errors.title = 'Enter a title.';
  if (!isIsoDay(draft.start)) errors.start = draft.precision === 'day' ? 'Enter the day.' : 'Enter the first day.';
  if (draft.precision === 'range') {
    if (!isIsoDay(draft.end)) errors.end = 'Enter the last day.';
    else if (isIsoDay(draft.start) && draft.end <= draft.start) errors.end = 'The last day must come after the first.';
  }
  if (draft.basis.trim() === '') errors.basis = 'Say where the date comes from.';
  if (draft.link.event && draft.link.note.trim() === '') errors['link-note'] = 'Say how the events are linked.';
  return errors;
}

function relatedOf(draft: EventDraft): NonNullable<StoryEvent['related']> {
  const link = draft.link.event
    ? [{ event: draft.link.event, note: draft.link.note.trim(), relation: draft.link.relation }]
    : [];
  return [...link, ...draft.otherLinks.filter((other) => other.event !== draft.link.event)];
}

/** The draft as the API takes a new event. */
export function newEventOf(draft: EventDraft): NewEvent {
  const end = draft.precision === 'day' ? draft.start : draft.end;
  const related = relatedOf(draft);
  return {
    title: draft.title.trim(),
    kind: draft.kind,
    format: draft.format,
    status: draft.status,
    date: {
      precision: draft.precision,
      start: draft.start,
      end,
      basis: draft.basis.trim(),
      derivedFrom: draft.derivedFrom,
      ...(draft.record ? { record: draft.record } : {}),
    },
    participants: draft.participants,
    mentions: draft.mentions,
    ...(related.length > 0 ? { related } : {}),
  };
}

/** The draft as a PATCH of every field (links included, so removing the last one removes it). */
export function patchOf(draft: EventDraft): EventPatch {
  return { ...newEventOf(draft), related: relatedOf(draft) };
}

/** The form field a server refusal names (`date.end`, `mentions.2`, `related.0.note`). */
export function fieldOfServer(field: string | undefined): DraftField | null {
  if (!field) return null;
  const [head, second, third] = field.split('.');
  switch (head) {
    case 'title':
    case 'kind':
    case 'format':
    case 'status':
    case 'participants':
    case 'mentions':
      return head;
    case 'date':
      if (second === 'derivedFrom') return 'sentence';
      if (second === 'start' || second === 'end' || second === 'precision' || second === 'basis') return second;
      return 'basis';
    case 'related':
      return third === 'note' ? 'link-note' : third === 'relation' ? 'link-relation' : 'link-event';
    default:
      return null;
  }
}
