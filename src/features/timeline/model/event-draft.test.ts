import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/domain/schemas';
import { draftErrors, draftOf, emptyDraft, fieldOfServer, newEventOf, patchOf } from './event-draft';

const event: StoryEvent = {
  id: 'washington',
  story: 's',
  title: 'In-person meeting in Washington',
  kind: 'meeting',
  format: 'in-person',
  status: 'postponed',
  date: { precision: 'range', start: '2024-04-15', end: '2024-04-21', basis: 'this week', derivedFrom: null },
  participants: ['scg'],
  mentions: ['m-1'],
  related: [{ event: 'may-meeting', note: 'Held as this one', relation: 'held-as' }],
};

describe('the event draft', () => {
  it('reads an event back unchanged', () => {
    const { id: _id, story: _story, ...fields } = event;
    expect(newEventOf(draftOf(event))).toEqual(fields);
  });

  it('sends a day with its end equal to its start, and no links when there are none', () => {
    const draft = { ...emptyDraft(), title: ' Talks ', start: '2024-04-18', end: '2024-04-30', basis: 'x' };
    expect(newEventOf(draft)).toMatchObject({
      title: 'Talks',
      date: { precision: 'day', start: '2024-04-18', end: '2024-04-18' },
    });
    expect(newEventOf(draft)).not.toHaveProperty('related');
    // A PATCH names the links even when empty, so removing the last link removes it.
    expect(patchOf(draft).related).toEqual([]);
  });

  it('names each field that cannot be saved', () => {
    expect(draftErrors(emptyDraft())).toEqual({
      title: 'Enter a title.',
      start: 'Enter the day.',
      basis: 'Say where the date comes from.',
    });
    const range = { ...draftOf(event), end: '2024-04-15' };
    expect(draftErrors(range)).toEqual({ end: 'The last day must come after the first.' });
    expect(draftErrors({ ...draftOf(event), link: { ...draftOf(event).link, note: ' ' } })).toEqual({
      'link-note': 'Say how the events are linked.',
    });
  });

  it('maps the fields the server names to the form fields', () => {
    expect(fieldOfServer('title')).toBe('title');
    expect(fieldOfServer('date.end')).toBe('end');
    expect(fieldOfServer('date.derivedFrom.phrase')).toBe('sentence');
    expect(fieldOfServer('date.record')).toBe('basis');
    expect(fieldOfServer('mentions.2')).toBe('mentions');
    expect(fieldOfServer('participants.0')).toBe('participants');
    expect(fieldOfServer('related.0.event')).toBe('link-event');
    expect(fieldOfServer('related.0.note')).toBe('link-note');
    expect(fieldOfServer('If-Match')).toBeNull();
    expect(fieldOfServer(undefined)).toBeNull();
  });
});
