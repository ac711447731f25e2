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
      expect(result.ok && { ...event.date, ...result.date }, event.id).toMatchObject(event.date);
    }
  });

  it('resolve the seed phrases to the dates the timeline shows', () => {
    const date = (id: string) => bundled.events[eventIndex(id)]?.date;
    expect(date('scg-virtual-meeting-18-april')).toMatchObject({ precision: 'day', start: '2024-04-18' });
    expect(date('scg-first-virtual-meeting')).toMatchObject({
      precision: 'range',
      start: '2024-03-21',
      end: '2024-04-17',
      derivedFrom: { article: '001_2550a2c150cccb37', phrase: 'in recent weeks' },
    });
    expect(date('idf-rafah-leaflet-drop')).toMatchObject({ precision: 'day', start: '2024-04-15' });
    // Dates from the public record keep no phrase.
    expect(date('iran-attack-on-israel')).toMatchObject({ start: '2024-04-13', derivedFrom: null });
  });

  it('refuse a typed date that disagrees with the phrase, naming the field and the resolution', () => {
    const error = loadError(withEventEdit('scg-washington-in-person-meeting', (e) => (e.date.end = '2024-04-19')));
    expect(error.file).toBe(EVENTS);
    expect(error.field).toBe(`[${eventIndex('scg-washington-in-person-meeting')}].date.end`);
    expect(error.message).toMatch(
      /"this week" in "001_2550a2c150cccb37" \(published 2024-04-18\) resolves to 2024-04-15 – 2024-04-21/,
    );
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
