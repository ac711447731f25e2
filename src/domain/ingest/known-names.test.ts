import { describe, expect, it } from 'vitest';
import type { Actor, Outlet } from '../schemas';
import { createNameMatcher } from './known-names';

const actors: Actor[] = [
  { id: 'sullivan', name: 'Jake Sullivan', kind: 'person', description: '' },
  { id: 'white-house', name: 'The White House', kind: 'office', description: '' },
  { id: 'nsc', name: 'White House National Security Council', kind: 'office', description: '' },
  { id: 'elysee', name: 'Élysée Palace', kind: 'office', description: '' },
];
const outlets: Outlet[] = [
  { id: 'araby', name: 'al-Araby al-Jadeed', aliases: [], kind: 'newspaper', url: null },
  { id: 'axios', name: 'Axios', aliases: [], kind: 'online', url: null },
  { id: 'jpost', name: 'The Jerusalem Post', aliases: ['JPost.com'], kind: 'newspaper', url: null },
];
const find = createNameMatcher(actors, outlets);
const found = (text: string) => find(text).map((n) => [n.id, n.text]);

describe('createNameMatcher', () => {
  it('matches names of several words in any case and hyphenation, the longest first', () => {
    expect(
      found(
        'Al Araby Al-Jadeed and AL-ARABY al jadeed told the White House and White House National Security Council.',
      ),
    ).toEqual([
      ['araby', 'Al Araby Al-Jadeed'],
      ['araby', 'AL-ARABY al jadeed'],
      ['white-house', 'the White House'],
      ['nsc', 'White House National Security Council'],
    ]);
  });

  it('keeps the capital of a single word, and its whole word', () => {
    expect(found('Axios said; axios did not; Axiosly; pro-Sullivan; (Sullivan), JPost.com.')).toEqual([
      ['axios', 'Axios'],
      ['sullivan', 'Sullivan'],
      ['jpost', 'JPost.com'],
    ]);
  });

  it('finds names that begin with a letter outside ASCII', () => {
    expect(found('The Élysée Palace and the white house spoke.')).toEqual([
      ['elysee', 'Élysée Palace'],
      ['white-house', 'the white house'],
    ]);
  });

  it('stays linear on long texts without names', () => {
    const text = 'White Hou '.repeat(20_000);
    const started = performance.now();
    expect(find(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
