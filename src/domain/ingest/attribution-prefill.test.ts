import { describe, expect, it } from 'vitest';
import type { Actor, Outlet } from '../schemas';
import { prefillChain } from './attribution-prefill';

const actors: Actor[] = [
  { id: 'senior-official-new-arab', name: 'A senior official', kind: 'anonymous', description: 'x' },
  { id: 'white-house', name: 'White House', kind: 'office', description: 'x' },
] as Actor[];
const outlets: Outlet[] = [
  { id: 'al-araby-al-jadeed', name: 'Al-Araby Al-Jadeed', aliases: ['The New Arab'], kind: 'online', url: null },
  { id: 'global-wire', name: 'Global Wire', aliases: [], kind: 'wire', url: null },
] as Outlet[];

describe('prefillChain', () => {
  const text = 'A senior official told al-Araby al-Jadeed that the deal was done.';
  const phrase = { range: [0, 41] as [number, number], source: 'A senior official', recipient: 'al-Araby al-Jadeed' };

  it('reads "X told Y" as X → Y → the publishing outlet, names in any case', () => {
    expect(prefillChain([0, text.length], [phrase], [], { actors, outlets }, 'global-wire')).toEqual([
      { kind: 'actor', id: 'senior-official-new-arab' },
      { kind: 'outlet', id: 'al-araby-al-jadeed' },
      { kind: 'outlet', id: 'global-wire' },
    ]);
  });

  it('takes a known name found inside the phrase, and leaves out what no known name fits', () => {
    const said = { range: [0, 40] as [number, number], source: 'officials at the White House', recipient: null };
    const names = [
      { range: [16, 27] as [number, number], text: 'White House', kind: 'actor' as const, id: 'white-house' },
    ];
    expect(prefillChain([0, 60], [said], names, { actors, outlets }, 'global-wire')).toEqual([
      { kind: 'actor', id: 'white-house' },
      { kind: 'outlet', id: 'global-wire' },
    ]);
    const unknown = { range: [0, 20] as [number, number], source: 'two diplomats', recipient: null };
    expect(prefillChain([0, 60], [unknown], [], { actors, outlets }, 'global-wire')).toEqual([
      { kind: 'outlet', id: 'global-wire' },
    ]);
  });

  it('ignores phrases of other sentences and never repeats the publisher', () => {
    const elsewhere = { range: [100, 140] as [number, number], source: 'White House', recipient: null };
    const toPublisher = { range: [0, 30] as [number, number], source: 'White House', recipient: 'Global Wire' };
    expect(prefillChain([0, 60], [elsewhere, toPublisher], [], { actors, outlets }, 'global-wire')).toEqual([
      { kind: 'actor', id: 'white-house' },
      { kind: 'outlet', id: 'global-wire' },
    ]);
  });
});
