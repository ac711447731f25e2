import type { Actor, CharRange, Outlet } from '../schemas';

export type NameMatch = { kind: 'actor' | 'outlet'; id: string; range: CharRange; text: string };

type Candidate = { kind: 'actor' | 'outlet'; id: string; name: string };

const TITLES = /^(?:Mr|Mrs|Ms|Dr|Prof|Gen|President|Prime Minister|Minister|Secretary)\.?\s+/;

/**
 * The names under which known actors and outlets may appear: full names, aliases, and for
 * people the surname alone ("Sullivan") when no other known person shares it.
 */
function candidates(actors: readonly Actor[], outlets: readonly Outlet[]): Candidate[] {
  const list: Candidate[] = [];
  for (const outlet of outlets) {
    for (const name of [outlet.name, ...outlet.aliases]) {
      list.push({ kind: 'outlet', id: outlet.id, name });
      if (name.startsWith('The ')) list.push({ kind: 'outlet', id: outlet.id, name: name.slice(4) });
    }
  }
  const surnames = new Map<string, string[]>();
  for (const actor of actors) {
    // Unnamed sources are recognized by phrase, not by name.
    if (actor.kind === 'unnamed-source') continue;
    list.push({ kind: 'actor', id: actor.id, name: actor.name.replace(TITLES, '') });
    if (actor.kind === 'person') {
      const surname = actor.name.replace(TITLES, '').split(/\s+/).at(-1);
      if (surname && surname.length > 2) surnames.set(surname, [...(surnames.get(surname) ?? []), actor.id]);
    }
  }
  for (const [surname, ids] of surnames) {
    if (ids.length === 1 && ids[0]) list.push({ kind: 'actor', id: ids[0], name: surname });
  }
  return list;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Known people, offices and outlets named in a text, longest name first where they overlap. */
export function matchKnownNames(text: string, actors: readonly Actor[], outlets: readonly Outlet[]): NameMatch[] {
  const matches: NameMatch[] = [];
  const sorted = candidates(actors, outlets).sort((a, b) => b.name.length - a.name.length);
  const taken: CharRange[] = [];
  for (const candidate of sorted) {
    const pattern = new RegExp(`(?<![\\w-])${escape(candidate.name)}(?![\\w-])`, 'g');
    for (const m of text.matchAll(pattern)) {
      const range: CharRange = [m.index, m.index + m[0].length];
      if (taken.some(([s, e]) => s < range[1] && range[0] < e)) continue;
      taken.push(range);
      matches.push({ kind: candidate.kind, id: candidate.id, range, text: m[0] });
    }
  }
  return matches.sort((a, b) => a.range[0] - b.range[0]);
}
