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

/** A name's pattern, tried only where the text has a word its first word could be. */
type NamePattern = { name: string; pattern: RegExp };

/** The leading run of ASCII word characters (JavaScript's \w), by which names are looked up. */
const LEADING_WORD = /^[A-Za-z0-9_]+/;
const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * Finds names the way one regular expression alternating all of them (longest first) would
 * (`(?<![\w-])(?:…)(?![\w-])`, matches not overlapping, left to right), without trying
 * every name at every position: a name is tried only where a word starts that its first word
 * starts with. With a few hundred names the single alternation spent most of an article's
 * analysis failing names at each character.
 */
function createPass(
  names: readonly string[],
  caseless: boolean,
): (text: string, found: NameMatch[], byName: (m: string) => Candidate | undefined) => void {
  const flags = caseless ? 'iy' : 'y';
  const byFirst = new Map<string, NamePattern[]>();
  const other: string[] = [];
  for (const name of names) {
    const first = LEADING_WORD.exec(name)?.[0];
    const source = caseless ? flexible(name) : escape(name);
    if (!first) {
      other.push(source);
      continue;
    }
    const key = caseless ? first.toLowerCase() : first;
    const list = byFirst.get(key) ?? [];
    list.push({ name, pattern: new RegExp(`(?<![\\w-])(?:${source})(?![\\w-])`, flags) });
    byFirst.set(key, list);
  }
  // Names that begin with no ASCII word character: rare, kept in one alternation of their own.
  const rest =
    other.length > 0 ? new RegExp(`(?<![\\w-])(?:${other.join('|')})(?![\\w-])`, caseless ? 'gi' : 'g') : null;
  return (text, found, byName) => {
    const add = (start: number, matched: string) => {
      const end = start + matched.length;
      // A longer name found first (several words) keeps its place.
      if (found.some((f) => f.range[0] < end && start < f.range[1])) return;
      const candidate = byName(matched);
      if (candidate) found.push({ kind: candidate.kind, id: candidate.id, range: [start, end], text: matched });
    };
    const restMatches = rest ? [...text.matchAll(rest)].map((m) => ({ index: m.index, text: m[0] })) : [];
    let r = 0;
    let position = 0;
    while (position < text.length) {
      const code = text.charCodeAt(position);
      const startsWord =
        isWordChar(code) &&
        (position === 0 || (!isWordChar(text.charCodeAt(position - 1)) && text[position - 1] !== '-'));
      while (r < restMatches.length && restMatches[r]!.index < position) r += 1;
      const restHere = r < restMatches.length && restMatches[r]!.index === position ? restMatches[r]! : null;
      if (!startsWord && !restHere) {
        position += 1;
        continue;
      }
      let matched: string | null = null;
      if (startsWord) {
        let end = position;
        while (end < text.length && isWordChar(text.charCodeAt(end))) end += 1;
        const word = text.slice(position, end);
        // A name's first word is a whole word of the text: only the names it begins are tried, longest first.
        const tried = byFirst.get(caseless ? word.toLowerCase() : word) ?? [];
        for (const { pattern } of tried) {
          pattern.lastIndex = position;
          const m = pattern.exec(text);
          if (m) {
            matched = m[0];
            break;
          }
        }
      }
      if (restHere && (matched === null || restHere.text.length > matched.length)) matched = restHere.text;
      if (matched !== null && matched.length > 0) {
        add(position, matched);
        position += matched.length;
      } else {
        position += 1;
      }
    }
  };
}

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
  const passes = [
    several.length > 0 ? createPass(several, true) : null,
    single.length > 0 ? createPass(single, false) : null,
  ].filter((pass) => pass !== null);
  const lookup = (matched: string) => byName.get(nameKey(matched));
  return (text) => {
    const found: NameMatch[] = [];
    for (const pass of passes) pass(text, found, lookup);
    return found.sort((a, b) => a.range[0] - b.range[0]);
  };
}

/** Known people, offices and outlets named in a text. */
export function matchKnownNames(text: string, actors: readonly Actor[], outlets: readonly Outlet[]): NameMatch[] {
  return createNameMatcher(actors, outlets)(text);
}
