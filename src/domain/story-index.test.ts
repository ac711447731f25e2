import { describe, expect, it } from 'vitest';
import { bundledStory } from '../../server/corpus/corpus-test-kit';
import { storyIndexOf } from './story-index';

describe('storyIndexOf', () => {
  it('builds one index per story read, however many views ask, and a new one for a new read', () => {
    const { bundle } = bundledStory('rafah-scg-2024');
    const index = storyIndexOf(bundle);
    expect(storyIndexOf(bundle)).toBe(index);
    expect(index.mentionsByClaim.get('scg-virtual-meeting-18-april')?.length).toBeGreaterThan(0);
    const reread = { ...bundle };
    expect(storyIndexOf(reread)).not.toBe(index);
    expect(storyIndexOf(reread).mentions.size).toBe(index.mentions.size);
  });
});
