import { describe, expect, it } from 'vitest';
import { readCorpusDir } from '../../../server/corpus/read-corpus-dir';
import { matchOutlet, outletKey } from './outlet-names';

const { outlets } = readCorpusDir();
const kindAndId = (name: string) => {
  const match = matchOutlet(name, outlets);
  return match && `${match.kind}:${match.outlet.id}`;
};

describe('matchOutlet', () => {
  it.each([
    ['al-Araby al-Jadeed', 'known:al-araby-al-jadeed'],
    ['the new arab', 'known:al-araby-al-jadeed'],
    ['JPost.com', 'known:jerusalem-post'],
    ['NYTimes', 'known:new-york-times'],
    ['Times of Israel (live blog)', 'known:times-of-israel'],
    ['www.axios.com', 'known:axios'],
    ['Jerusalem Psot', 'close:jerusalem-post'],
    ['Global Wire', 'new:global-wire'],
  ])('%s → %s', (name, expected) => {
    expect(kindAndId(name)).toBe(expected);
  });

  it('needs a name', () => {
    expect(matchOutlet(' () ', outlets)).toBeNull();
    expect(outletKey('The Times of Israel')).toBe('timesofisrael');
  });
});
