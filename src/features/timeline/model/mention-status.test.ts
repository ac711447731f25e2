import { describe, expect, it } from 'vitest';
import { articleSays, saidStatusOf, saidStatusReader } from './mention-status';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';

const { bundle, index } = bundledStory('rafah-scg-2024');

function said(mentionId: string) {
  const mention = index.mentions.get(mentionId);
  if (!mention) throw new Error(`no mention ${mentionId}`);
  const claim = index.claims.get(mention.claim);
  return saidStatusOf({ stance: mention.stance, quotes: mention.spans.map((s) => s.exact) }, claim?.text ?? '');
}

describe('saidStatusOf on the bundled story', () => {
  it('reads a preview from the article’s own words, although the claim says the meeting was held', () => {
    expect(index.claims.get('scg-virtual-meeting-18-april')?.text).toMatch(/held/);
    expect(said('m-001-meeting')).toBe('planned');
    expect(said('m-001-leaders')).toBe('planned');
    expect(said('m-000-meeting')).toBe('held');
    expect(said('m-002-meeting')).toBe('held');
  });

  it('finds postponements before plans: "scheduled … was postponed", "set to begin … but delayed"', () => {
    expect(said('m-001-postponed')).toBe('postponed');
    expect(said('m-000-delayed')).toBe('postponed');
    // "ultimately did not do so" says only that it did not happen.
    expect(said('m-000-leaflets')).toBe('cancelled');
  });

  it('reads "will meet again soon" as planned', () => {
    expect(said('m-000-meet-again')).toBe('planned');
    expect(said('m-002-meet-again')).toBe('planned');
  });

  it('agrees with the recorded status of every event for every supporting report but the preview', () => {
    for (const event of bundle.events) {
      for (const id of event.mentions) {
        if (id === 'm-001-meeting' || id === 'm-001-leaders') continue;
        expect(`${id}: ${said(id)}`).toBe(`${id}: ${event.status}`);
      }
    }
  });

  it('calls a denial or contradiction a dispute', () => {
    expect(saidStatusOf({ stance: 'denies', quotes: ['The meeting was held.'] }, '')).toBe('disputed');
    expect(saidStatusOf({ stance: 'contradicts', quotes: [] }, 'It will happen.')).toBe('disputed');
  });
});

describe('saidStatusReader', () => {
  it('reads as saidStatusOf does, a claim’s wording read once for all its mentions', () => {
    const read = saidStatusReader();
    // The same claim wording under quotes with a cue, without one, and as a dispute.
    const claim = 'The leaders are set to meet in Cairo.';
    const mentions = [
      { stance: 'asserts' as const, quotes: ['The talks were called off on Monday.'] },
      { stance: 'asserts' as const, quotes: ['The leaders met in Cairo.'] },
      { stance: 'reports' as const, quotes: [] },
      { stance: 'denies' as const, quotes: ['No meeting is planned.'] },
      { stance: 'asserts' as const, quotes: ['The meeting was pushed back a week.'] },
    ];
    expect(mentions.map((m) => read(m, claim))).toEqual(['cancelled', 'planned', 'planned', 'disputed', 'postponed']);
    expect(mentions.map((m) => read(m, 'The leaders met.'))).toEqual([
      'cancelled',
      'held',
      'held',
      'disputed',
      'postponed',
    ]);
    for (const event of bundle.events) {
      for (const id of event.mentions) {
        const mention = index.mentions.get(id);
        if (!mention) continue;
        const said = { stance: mention.stance, quotes: mention.spans.map((s) => s.exact) };
        const claimText = index.claims.get(mention.claim)?.text ?? '';
        expect(read(said, claimText)).toBe(saidStatusOf(said, claimText));
      }
    }
  });
});

describe('articleSays', () => {
  it('takes the most frequent statement, the stronger one on a tie', () => {
    expect(articleSays(['planned', 'planned'])).toBe('planned');
    expect(articleSays(['held', 'planned'])).toBe('held');
    expect(articleSays(['held', 'held', 'postponed'])).toBe('held');
    expect(articleSays(['postponed', 'held'])).toBe('postponed');
    expect(articleSays([])).toBeNull();
  });
});
