import type { Mention, Stance } from './schemas';

/** A cell of the matrix: a mention's stance, or silence when the article does not carry the claim. */
export type CellStance = Stance | 'silent';

export const STANCES: readonly Stance[] = ['asserts', 'reports', 'denies', 'contradicts'];

export function isSupporting(stance: CellStance): boolean {
  return stance === 'asserts' || stance === 'reports';
}

export function isOpposing(stance: CellStance): boolean {
  return stance === 'denies' || stance === 'contradicts';
}

export type StanceCounts = Record<Stance, number>;

export function countStances(mentions: readonly Pick<Mention, 'stance'>[]): StanceCounts {
  const counts: StanceCounts = { asserts: 0, reports: 0, denies: 0, contradicts: 0 };
  for (const mention of mentions) counts[mention.stance] += 1;
  return counts;
}

/** Contested: at least one source is for the claim and at least one against it. */
export function isContested(mentions: readonly Pick<Mention, 'stance'>[]): boolean {
  return mentions.some((m) => isSupporting(m.stance)) && mentions.some((m) => isOpposing(m.stance));
}
