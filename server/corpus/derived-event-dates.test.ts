import { describe, expect, it } from 'vitest';
import { resolveRelativeDate } from '@/domain/relative-dates';
import { bundledWithEdit, loadError } from './corpus-test-kit';
import { loadCorpus, type CorpusSource } from './load-corpus';
import { BUNDLED_CORPUS_DIR, directorySource } from './read-corpus-dir';

const EVENTS = 'stories/rafah-scg-2024/events.json';
type Row = { id: string; date: Record<string, unknown> };

/** The bundled corpus with the event `id` changed by `edit`. */
function withEventEdit(id: string, edit: (event: Row) => void): CorpusSource {
  return bundledWithEdit(EVENTS, (data) => {
    const row = (data as Row[]).find((r) => r.id === id);
    if (!row) throw new Error(`no event ${id}`);
    edit(row);
    return data;
  });
}

const bundled = loadCorpus(directorySource(BUNDLED_CORPUS_DIR)).stories[0];
if (!bundled) throw new Error('bundled story missing');
const eventIndex = (id: string) => bundled.events.findIndex((e) => e.id === id);

describe('event dates derived from relative phrases', () => {
  it('agree with the resolver for every derived event of the bundled story', () => {
    const derived = bundled.events.filter((e) => e.date.derivedFrom !== null);
    expect(derived.length).toBeGreaterThanOrEqual(8);
    const published = new Map(bundled.articles.map((a) => [a.id, a.published.date]));
    for (const event of derived) {
      const from = event.date.derivedFrom!;
      const result = resolveRelativeDate(from.phrase, published.get(from.article) ?? '');
      if (!result.ok) throw new Error(`${event.id}: ${result.reason}`);
      if (event.date.record === undefined) {
        expect({ ...event.date, ...result.date }, event.id).toMatchObject(event.date);
      } else {
        // A day from the record, with the coverage's vaguer phrase kept beside it: the phrase covers the day.
        expect(event.date.start >= result.date.start && event.date.start <= result.date.end, event.id).toBe(true);
      }
    }
  });

  it('resolve the seed phrases to the dates the timeline shows', () => {
    const date = (id: string) => bundled.events[eventIndex(id)]?.date;
    expect(date('scg-virtual-meeting-18-april')).toMatchObject({ precision: 'day', start: '2024-04-18' });
    // The public record gives the day; the coverage's own phrase stays beside it.
    expect(date('scg-first-virtual-meeting')).toMatchObject({
      precision: 'day',
      start: '2024-04-01',
      record: 'scg-meeting-1-april',
      derivedFrom: { article: '001_2550a2c150cccb37', phrase: 'in recent weeks' },
    });
    expect(date('idf-rafah-leaflet-drop')).toMatchObject({ precision: 'day', start: '2024-04-15' });
    expect(date('iran-attack-on-israel')).toMatchObject({
      start: '2024-04-13',
      record: 'iran-attack-13-april',
      derivedFrom: { phrase: 'last weekend' },
    });
  });

  it('refuse a typed date that disagrees with the phrase, naming the field and the resolution', () => {
    const error = loadError(withEventEdit('scg-washington-in-person-meeting', (e) => (e.date.end = '2024-04-19')));
    expect(error.file).toBe(EVENTS);
    expect(error.field).toBe(`[${eventIndex('scg-washington-in-person-meeting')}].date.end`);
    expect(error.message).toMatch(
      /"this week" in "001_2550a2c150cccb37" \(published 2024-04-18\) resolves to 2024-04-15 – 2024-04-21/,
    );
  });

  it('refuse a record day that the coverage’s phrase does not cover', () => {
    const error = loadError(
      withEventEdit('scg-first-virtual-meeting', (e) => {
        e.date.start = '2024-04-18';
        e.date.end = '2024-04-18';
      }),
    );
    expect(error.field).toBe(`[${eventIndex('scg-first-virtual-meeting')}].date.start`);
    expect(error.message).toMatch(/from the record.*"in recent weeks".*covers only 2024-03-21 – 2024-04-17/);
  });

  it('refuse a record that is no note of the story, or a record date that is a range', () => {
    const unknown = loadError(withEventEdit('iran-attack-on-israel', (e) => (e.date.record = 'no-such-note')));
    expect(unknown.field).toBe(`[${eventIndex('iran-attack-on-israel')}].date.record[0]`);
    const range = loadError(withEventEdit('working-group-meetings', (e) => (e.date.record = 'scg-meeting-1-april')));
    expect(range.field).toBe(`[${eventIndex('working-group-meetings')}].date.precision`);
  });

  it('refuse a wrong precision', () => {
    const error = loadError(
      withEventEdit('idf-rafah-leaflet-drop', (e) => {
        e.date.precision = 'range';
        e.date.end = '2024-04-16';
      }),
    );
    expect(error.field).toBe(`[${eventIndex('idf-rafah-leaflet-drop')}].date.precision`);
  });

  it.each([
    [{ article: 'no-such-article', phrase: 'on Monday' }, 'derivedFrom.article', /unknown article/],
    [{ article: '004_7280a6711755d420', phrase: 'on Monday' }, 'derivedFrom.phrase', /does not occur/],
    [
      { article: '000_8afd1a478485ac90', phrase: 'the morning after Iran’s attack' },
      'derivedFrom.phrase',
      /another event/,
    ],
  ])('refuse derivedFrom %j', (derivedFrom, field, message) => {
    const error = loadError(withEventEdit('idf-rafah-leaflet-drop', (e) => (e.date.derivedFrom = derivedFrom)));
    expect(error.field).toBe(`[${eventIndex('idf-rafah-leaflet-drop')}].date.${field}`);
    expect(error.message).toMatch(message);
  });
});
