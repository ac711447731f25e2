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

/** How a name is looked up once found: case and the hyphens or spaces between its words do not count. */
const nameKey = (name: string) => name.toLowerCase().replace(/[-‐‑–\s]+/g, ' ');
/** The pattern of one name: any case, any hyphen or space between its words. */
const flexible = (name: string) =>
  name
    .split(/[-‐‑–\s]+/)
    .map(escape)
    .join('[-‐‑–\\s]+');

/**
 * Builds, once for a story, the patterns of every known name (longest first, so the longest
 * name wins where names overlap) and returns the matcher for texts. Names of several words
 * ("al-Araby al-Jadeed", "the white house") match in any case and hyphenation; a single
 * word keeps its capital, so that "Axios" the outlet is not every "axios".
 */
export function createNameMatcher(actors: readonly Actor[], outlets: readonly Outlet[]): NameMatcher {
  const byName = new Map<string, Candidate>();
  for (const candidate of candidates(actors, outlets)) {
    const key = nameKey(candidate.name);
    if (!byName.has(key)) byName.set(key, candidate);
  }
  const all = [...byName.values()].map((c) => c.name).sort((a, b) => b.length - a.length);
  if (all.length === 0) return () => [];
  const several = all.filter((name) => /[-‐‑–\s]/.test(name));
  const single = all.filter((name) => !/[-‐‑–\s]/.test(name));
  const patterns = [
    several.length > 0 ? new RegExp(`(?<![\\w-])(?:${several.map(flexible).join('|')})(?![\\w-])`, 'gi') : null,
    single.length > 0 ? new RegExp(`(?<![\\w-])(?:${single.map(escape).join('|')})(?![\\w-])`, 'g') : null,
  ].filter((p): p is RegExp => p !== null);
  return (text) => {
    const found: NameMatch[] = [];
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        // A longer name found first (several words) keeps its place.
        if (found.some((f) => f.range[0] < end && start < f.range[1])) continue;
        const candidate = byName.get(nameKey(m[0]));
        if (candidate) found.push({ kind: candidate.kind, id: candidate.id, range: [start, end], text: m[0] });
      }
    }
    return found.sort((a, b) => a.range[0] - b.range[0]);
  };
}

/** Known people, offices and outlets named in a text. */
export function matchKnownNames(text: string, actors: readonly Actor[], outlets: readonly Outlet[]): NameMatch[] {
  return createNameMatcher(actors, outlets)(text);
}
