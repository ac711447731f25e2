import { describe, expect, it } from 'vitest';
import { dayNumber } from '@/domain/calendar-days';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { buildTimelineData } from './timeline-data';
import { chooseWindow, storyWindow, shownKinds, visibleEvents, visiblePublications } from './timeline-window';

const { bundle, index } = bundledStory('rafah-scg-2024');
const timeline = buildTimelineData(bundle, index);
const d = dayNumber;
const KINDS = ['meeting', 'attack', 'announcement', 'operation'] as const;

describe('chooseWindow', () => {
  const span = { start: d('2024-03-21'), end: d('2024-05-19') };

  it('shows the whole story, padded, without a zoom', () => {
    expect(chooseWindow(storyWindow(span), null, null)).toEqual({
      window: { start: d('2024-03-19'), end: d('2024-05-21') },
      full: { start: d('2024-03-19'), end: d('2024-05-21') },
      zoomed: false,
      problem: null,
    });
  });

  it('takes either end from the URL', () => {
    expect(chooseWindow(storyWindow(span), '2024-04-10', '2024-04-20').window).toEqual({
      start: d('2024-04-10'),
      end: d('2024-04-20'),
    });
    expect(chooseWindow(storyWindow(span), '2024-04-10', null).window).toEqual({
      start: d('2024-04-10'),
      end: d('2024-05-21'),
    });
  });

  it('refuses a zoom that ends before it starts, saying so, and shows the whole story', () => {
    const choice = chooseWindow(storyWindow(span), '2024-04-20', '2024-04-10');
    expect(choice.zoomed).toBe(false);
    expect(choice.window).toEqual(choice.full);
    expect(choice.problem).toMatch(/starts \(2024-04-20\) after it ends \(2024-04-10\)/);
  });

  it('has nothing to show for an empty story', () => {
    expect(chooseWindow(storyWindow(null), null, null).window).toBeNull();
  });
});

describe('visible events and publications', () => {
  it('keeps events of the chosen kinds that overlap the window, ranges included', () => {
    const window = { start: d('2024-04-16'), end: d('2024-04-18') };
    const ids = visibleEvents(timeline.events, shownKinds(KINDS, ['meeting']), window).map((e) => e.id);
    expect(ids).toEqual(['working-group-meetings', 'scg-washington-in-person-meeting', 'scg-virtual-meeting-18-april']);
    expect(visiblePublications(timeline.publications, window).map((p) => p.articles.length)).toEqual([4]);
  });

  it('reads no chosen kinds as all kinds', () => {
    expect(shownKinds(KINDS, [])).toEqual([...KINDS]);
    expect(shownKinds(KINDS, ['operation', 'meeting'])).toEqual(['meeting', 'operation']);
  });
});
