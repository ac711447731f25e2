import type { EventStatus, Stance } from '@/domain/schemas';

/** What a report says of an event: its status as the article tells it, or that it disputes it. */
export type SaidStatus = EventStatus | 'disputed';

export const SAID_LABELS: Record<SaidStatus, string> = {
  held: 'says it took place',
  planned: 'speaks of it as planned',
  postponed: 'says it was postponed',
  cancelled: 'says it did not happen',
  disputed: 'disputes it',
};

// Ordered: "scheduled to take place … was postponed" is a postponement, "set to begin … but
// delayed" too, so the stronger statement is looked for first. "Did not do so" says only that
// it did not happen, not that it was put off to a later day: it reads as not held.
const CUES: [Exclude<SaidStatus, 'disputed' | 'held'>, RegExp][] = [
  [
    'cancelled',
    /\b(cancel(?:l)?ed|cancel(?:l)?ation|called off|scrapped|did not (?:do so|take place|happen)|never (?:took place|happened))\b/i,
  ],
  ['postponed', /\b(postpone[ds]?|postponement|delay(?:ed|s)?|put off|pushed back)\b/i],
  ['planned', /\b(set to|will|to be held|scheduled|plans? to|planned|expected to|(?:is|are) to|upcoming|soon)\b/i],
];

/** Whether there is any cue at all, in one pass: most quotes have none (nine in ten of the large story's). */
const ANY_CUE = new RegExp(CUES.map(([, pattern]) => pattern.source).join('|'), 'i');

function cueIn(text: string): SaidStatus | null {
  if (!ANY_CUE.test(text)) return null;
  for (const [status, pattern] of CUES) if (pattern.test(text)) return status;
  return null;
}

type SaidOf = (mention: { stance: Stance; quotes: readonly string[] }, claimText: string) => SaidStatus;

/**
 * Reads what a mention says of its event: from the article's own words first (its evidence
 * quotes: a preview says "are set to hold"), then from the claim's canonical wording; a
 * report with neither future nor postponement language tells of something that happened.
 */
export const saidStatusOf: SaidOf = (mention, claimText) => saidStatusReader()(mention, claimText);

/**
 * saidStatusOf for many mentions at once: each claim's wording is read once, however many of
 * its mentions fall back on it (the large story's events cite ten mentions for every claim).
 */
export function saidStatusReader(): SaidOf {
  const claimCues = new Map<string, SaidStatus | null>();
  const claimCue = (text: string) => {
    let cue = claimCues.get(text);
    if (cue === undefined) {
      cue = cueIn(text);
      claimCues.set(text, cue);
    }
    return cue;
  };
  return (mention, claimText) => {
    if (mention.stance === 'denies' || mention.stance === 'contradicts') return 'disputed';
    const { quotes } = mention;
    return cueIn(quotes.length === 1 ? (quotes[0] as string) : quotes.join(' ')) ?? claimCue(claimText) ?? 'held';
  };
}

const PRIORITY: SaidStatus[] = ['disputed', 'cancelled', 'postponed', 'held', 'planned'];

/** One article's word on an event: what most of its mentions say, the stronger statement on a tie. */
export function articleSays(statuses: readonly SaidStatus[]): SaidStatus | null {
  const counts = new Map<SaidStatus, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  let best: SaidStatus | null = null;
  for (const status of PRIORITY) {
    const n = counts.get(status) ?? 0;
    if (n > 0 && (best === null || n > (counts.get(best) ?? 0))) best = status;
  }
  return best;
}
