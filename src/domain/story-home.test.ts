import { describe, expect, it } from 'vitest';
import type { StorySummary } from './schemas/story';
import { storyHomeOf } from './story-home';

const story = (id: string, more: Partial<StorySummary> = {}): StorySummary => ({
  id,
  title: id,
  summary: '',
  counts: { articles: 0, claims: 0, mentions: 0, events: 0 },
  ...more,
});

describe('the story / opens', () => {
  it('is the pinned one, else the most recently changed, never an archived one', () => {
    const a = story('a', { changedAt: '2024-05-01T00:00:00.000Z' });
    const b = story('b', { changedAt: '2024-05-03T00:00:00.000Z' });
    const c = story('c', { changedAt: '2024-05-09T00:00:00.000Z', archived: true });
    expect(storyHomeOf([a, b, c])).toEqual({ story: b, reason: 'latest' });
    expect(storyHomeOf([{ ...a, pinned: true }, b])).toEqual({ story: { ...a, pinned: true }, reason: 'pinned' });
    expect(storyHomeOf([story('x'), story('y')])?.story.id).toBe('x');
    expect(storyHomeOf([c])).toBeNull();
  });
});
