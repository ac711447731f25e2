import { describe, expect, it } from 'vitest';
import { decodeUrl } from './url-codec';
import { storyLinkNotices } from './story-notices';

const bundle = {
  claims: [
    { id: 'c-1', topic: 'Rafah' },
    { id: 'c-2', topic: 'Iran' },
  ],
  articles: [{ id: 'a-1' }],
  outlets: [{ id: 'o-1' }],
} as unknown as Parameters<typeof storyLinkNotices>[1];

const noticesFor = (url: string) => {
  const parsed = new URL(url, 'http://x.invalid');
  return storyLinkNotices(decodeUrl(parsed.pathname, parsed.search).state, bundle);
};

describe('storyLinkNotices', () => {
  it('says nothing about a link that fits the story', () => {
    expect(noticesFor('/?claim=c-1&topic=Rafah')).toEqual([]);
    expect(noticesFor('/matrix?source=a-1,o-1&topic=Iran')).toEqual([]);
  });

  it('names a claim id the story does not have, but leaves the claim view its own message', () => {
    expect(noticesFor('/?claim=nope')).toEqual([
      { param: 'claim', value: 'nope', reason: 'no claim with this id in this story' },
    ]);
    expect(noticesFor('/claims/nope')).toEqual([]);
  });

  it('names each unknown topic and matrix source', () => {
    expect(noticesFor('/matrix?topic=Rafah&topic=Gaza&source=a-1,zzz')).toEqual([
      { param: 'topic', value: 'Gaza', reason: 'no claim in this story has this topic' },
      { param: 'source', value: 'zzz', reason: 'no article or outlet with this id' },
    ]);
  });

  it('names an open matrix cell whose source the story does not have', () => {
    expect(noticesFor('/matrix?claim=c-1&cell=a-1')).toEqual([]);
    expect(noticesFor('/matrix?claim=c-1&cell=zzz')).toEqual([
      { param: 'cell', value: 'zzz', reason: 'no article or outlet with this id' },
    ]);
  });
});
