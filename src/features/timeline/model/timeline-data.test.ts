import { describe, expect, it } from 'vitest';
import { dayNumber, isoDayOf } from '@/domain/calendar-days';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { buildTimelineData } from './timeline-data';

const { bundle, index } = bundledStory('rafah-scg-2024');
const timeline = buildTimelineData(bundle, index);
const event = (id: string) => {
  const found = timeline.byId.get(id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

describe('buildTimelineData on the bundled story', () => {
  it('orders the events by date and spans late March to late May 2024', () => {
    const starts = timeline.events.map((e) => e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(timeline.events).toHaveLength(bundle.events.length);
    expect(timeline.span && [isoDayOf(timeline.span.start), isoDayOf(timeline.span.end)]).toEqual([
      '2024-03-21',
      '2024-05-19',
    ]);
  });

  it('lists the four articles that report the 18 April meeting, with what each says of it', () => {
    const meeting = event('scg-virtual-meeting-18-april');
    expect(meeting.reports.map((r) => [r.outlet, r.says, r.timing.relation, r.previews])).toEqual([
      ['Israel National News', 'held', 'during', false],
      ['International Business Times', 'planned', 'during', true],
      ['The Jerusalem Post', 'held', 'during', false],
      ['The New York Times', 'held', 'during', false],
    ]);
    expect(meeting.claims.map((c) => c.id)).toEqual(
      expect.arrayContaining(['scg-virtual-meeting-18-april', 'scg-18-april-leaders', 'us-pressed-israel-to-rethink']),
    );
    expect(meeting.reports[0]?.mentions[0]?.quotes[0]).toMatch(/^US and Israeli officials on Thursday held/);
  });

  it('marks 001 as written before the meeting it reports, on its publication day', () => {
    const day = timeline.publications.find((d) => d.day === dayNumber('2024-04-18'));
    expect(day?.articles).toHaveLength(4);
    const previews = day?.articles.filter((a) => a.previews.length > 0);
    expect(previews?.map((a) => [a.article.id, a.previews.map((e) => e.id)])).toEqual([
      ['001_2550a2c150cccb37', ['scg-virtual-meeting-18-april']],
    ]);
  });

  it('counts and names, before reading any report, the same articles its reports list and mark as previews', () => {
    const fresh = buildTimelineData(bundle, index);
    for (const item of fresh.events) {
      const previewedBy = item.previewedBy.map((a) => a.id).sort();
      expect(item.articleCount).toBe(item.reports.length);
      expect(previewedBy).toEqual(
        item.reports
          .filter((r) => r.previews)
          .map((r) => r.article.id)
          .sort(),
      );
    }
    expect(fresh.events.some((item) => item.previewedBy.length > 0)).toBe(true);
  });

  it('keeps the phrase a derived date comes from, with how it was read', () => {
    expect(event('scg-first-virtual-meeting').derivation).toMatchObject({
      phrase: 'in recent weeks',
      outlet: 'International Business Times',
      reading: 'within the 4 weeks before publication',
    });
    // A day from the record keeps the coverage's phrase: here "last weekend" in IBTimes.
    expect(event('iran-attack-on-israel').derivation).toMatchObject({ phrase: 'last weekend' });
    expect(event('biden-g7-call').derivation).toBeNull();
  });

  it('times a later report after the event', () => {
    const first = event('scg-first-virtual-meeting');
    const toi = first.reports.find((r) => r.article.id === '004_7280a6711755d420');
    // 1 April (the record's day) to 19 May.
    expect(toi?.timing).toEqual({ relation: 'after', days: 48 });
  });
});
