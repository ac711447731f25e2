import { describe, expect, it } from 'vitest';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { EVENT_KINDS } from '@/domain/schemas';
import { buildTimelineData } from './timeline-data';
import { summarizeTimeline } from './timeline-summary';
import { chooseWindow, storyWindow, visibleEvents, visiblePublications } from './timeline-window';

const { bundle, index } = bundledStory('rafah-scg-2024');
const timeline = buildTimelineData(bundle, index);

function summary(kinds = [...EVENT_KINDS], from: string | null = null, to: string | null = null) {
  const { window } = chooseWindow(storyWindow(timeline.span), from, to);
  return summarizeTimeline({
    events: visibleEvents(timeline.events, kinds, window),
    total: timeline.events.length,
    kinds,
    publications: visiblePublications(timeline.publications, window),
    window,
  });
}

describe('summarizeTimeline', () => {
  it('says what the chart shows, in order, and which report came before its event', () => {
    const text = summary();
    expect(text).toMatch(/^14 of 14 events between 19 Mar 2024 and 21 May 2024: 8 meetings, 2 attacks/);
    expect(text).toMatch(/10 held, 1 planned, 2 postponed, 1 cancelled/);
    expect(text).toMatch(
      /First: Lower-level US–Israeli working groups meet virtually on Rafah plans, 21 Mar 2024 – 17 Apr 2024 \(range\)/,
    );
    expect(text).toMatch(/5 articles published on 2 days/);
    expect(text).toMatch(/International Business Times \(18 Apr 2024\) on Virtual SCG meeting on Iran and Rafah/);
  });

  it('follows the filter and the zoom', () => {
    expect(summary(['attack'], '2024-04-01', '2024-04-30')).toMatch(
      /^1 of 14 events between 1 Apr 2024 and 30 Apr 2024: 1 attack; 1 held\./,
    );
    expect(summary(['attack'], '2024-04-19', '2024-04-20')).toMatch(/^No events of the chosen kinds/);
  });
});
