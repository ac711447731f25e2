import type { Outlet } from '../schemas';
import { slugify } from './article-id';
import { foldText } from '../text-folding';

/**
 * An outlet name reduced to what identifies it: case, accents, hyphens and spaces, a leading
 * "The", a web address's "www." and ".com", and a note in brackets ("(live blog)") do not
 * count — "al-Araby al-Jadeed", "JPost.com" and "Times of Israel (live blog)" meet their
 * outlet.
 */
export function outletKey(name: string): string {
  return foldText(name)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/^\s*(?:https?:\/\/)?(?:www\.)?/, '')
    .replace(/\.(?:com|co\.uk|co\.il|org|net|news)(?:\/.*)?\s*$/, '')
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function keysOf(outlet: Outlet): string[] {
  const keys = [outlet.id, outlet.name, ...outlet.aliases].map(outletKey);
  if (outlet.url && URL.canParse(outlet.url)) keys.push(outletKey(new URL(outlet.url).hostname));
  return [...new Set(keys.filter((key) => key.length > 0))];
}

/** Edits to turn one key into the other, stopping early once past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

export type OutletMatch =
  /** The same outlet, written another way. */
  | { kind: 'known'; outlet: Outlet }
  /** Not one of its names, but close to one: proposed, never taken without the editor. */
  | { kind: 'close'; outlet: Outlet; name: string }
  /** No known outlet: created only when the editor confirms it. */
  | { kind: 'new'; outlet: Outlet };

/** The known outlet a given name stands for, one it is close to, or the new outlet it would make. */
export function matchOutlet(given: string, outlets: readonly Outlet[]): OutletMatch | null {
  const name = given.trim();
  const key = outletKey(name);
  if (key === '') return null;
  const exact = outlets.find((o) => o.id === name) ?? outlets.find((o) => keysOf(o).includes(key));
  if (exact) return { kind: 'known', outlet: exact };
  let closest: { outlet: Outlet; distance: number } | null = null;
  for (const outlet of outlets) {
    for (const known of keysOf(outlet)) {
      // One name inside the other ("nytimes" in "nytimesinternational"), or a slip of a letter or two.
      const contained = Math.min(known.length, key.length) >= 5 && (known.includes(key) || key.includes(known));
      const distance = contained ? 1 : editDistance(key, known, key.length >= 8 ? 2 : 1);
      if (distance <= (key.length >= 8 ? 2 : 1) && (!closest || distance < closest.distance))
        closest = { outlet, distance };
    }
  }
  if (closest) return { kind: 'close', outlet: closest.outlet, name };
  return { kind: 'new', outlet: { id: slugify(name), name, aliases: [], kind: 'online', url: null } };
}
