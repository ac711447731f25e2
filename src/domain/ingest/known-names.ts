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

export type NameMatcher = (text: string) => NameMatch[];

/**
 * Builds, once for a story, one pattern of every known name (longest first, so the longest
 * name wins where names overlap) and returns the matcher for texts.
 */
export function createNameMatcher(actors: readonly Actor[], outlets: readonly Outlet[]): NameMatcher {
  const byName = new Map<string, Candidate>();
  for (const candidate of candidates(actors, outlets))
    if (!byName.has(candidate.name)) byName.set(candidate.name, candidate);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return () => [];
  const pattern = new RegExp(`(?<![\\w-])(?:${names.map(escape).join('|')})(?![\\w-])`, 'g');
  return (text) =>
    [...text.matchAll(pattern)].flatMap((m) => {
      const candidate = byName.get(m[0]);
      return candidate
        ? [{ kind: candidate.kind, id: candidate.id, range: [m.index, m.index + m[0].length], text: m[0] }]
        : [];
    });
}

/** Known people, offices and outlets named in a text. */
export function matchKnownNames(text: string, actors: readonly Actor[], outlets: readonly Outlet[]): NameMatch[] {
  return createNameMatcher(actors, outlets)(text);
}
