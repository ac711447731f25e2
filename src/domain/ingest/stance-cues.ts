import type { Stance } from '../schemas';

export type StanceProposal = {
  /** null when the wording does not make the stance clear: the editor decides. */
  stance: Stance | null;
  /** The words that led to the proposal, as they stand in the sentence. */
  cue: string | null;
};

type CueRule = { pattern: RegExp; stance: Stance | null };

/**
 * Ordered: the first rule that matches wins, so specific phrases come before general ones.
 * "Declined to comment" is a cue, but not a denial: it proposes no stance.
 */
const CUE_RULES: CueRule[] = [
  { pattern: /\bdeclined to (?:comment|confirm)\b|\bwould not comment\b|\bno comment\b/i, stance: null },
  {
    pattern:
      /\b(?:flatly |categorically |strongly )?(?:denied|denies|deny|denying|dismissed|rejected|refuted)\b|\bnot true\b|\b(?:has|have|had) never been discussed\b|\bfalse reports?\b|\bbaseless\b|\bno such (?:deal|agreement|plan)\b/i,
    stance: 'denies',
  },
  {
    pattern: /\b(?:contradict(?:s|ed)?|regardless of|would not give the green light|will not (?:give|approve))\b/i,
    stance: 'contradicts',
  },
  { pattern: /\baccording to\b/i, stance: 'reports' },
  { pattern: /\b(?:told|tells)\b/i, stance: 'reports' },
  { pattern: /\b(?:said|says|claimed|claims|reported|reports|stated|added|noted)\b/i, stance: 'reports' },
  { pattern: /\bsources?\b/i, stance: 'reports' },
];

export function proposeStance(sentence: string): StanceProposal {
  for (const rule of CUE_RULES) {
    const match = rule.pattern.exec(sentence);
    if (match) return { stance: rule.stance, cue: match[0] };
  }
  return { stance: 'asserts', cue: null };
}
