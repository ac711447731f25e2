import type { Stance } from '../schemas';

export type StanceProposal = {
  /** null when the wording does not make the stance clear: the editor decides. */
  stance: Stance | null;
  /** The words that led to the proposal, as they stand in the sentence (or a short reason). */
  cue: string | null;
};

type CueRule = { pattern: Pick<RegExp, 'exec'>; stance: Stance | null };

const NO_COMMENT = /\bdeclined to (?:comment|confirm)\b|\bwould not comment\b|\bno comment\b|\bdid not respond\b/i;
const DENIAL =
  /\b(?:flatly |categorically |strongly )?(?:denied|denies|deny|denying|dismissed|rejected|refuted)\b|\bnot true\b|\b(?:has|have|had) never been discussed\b|\bfalse reports?\b|\bbaseless\b|\bno such (?:deal|agreement|plan|understanding|arrangement)\b/i;
const CONTRAST =
  /\b(?:contradict(?:s|ed)?|regardless of|nothing to do with|whatever (?:Israel|it|they) decides?|would not give the green light|will not (?:give|approve|support|back))\b/i;
/**
 * Reporting, most telling first: a headline that labels itself a report ("Report: …",
 * "… — report"), "according to", "told", a verb of saying, a source named as such.
 */
const REPORTING_CUES = [
  /^(?:Report|Scoop|Exclusive|[A-Z][\w ]{1,30}):\s|\s[-–—]\s*(?:report|sources?)$/,
  /\baccording to\b/i,
  /\b(?:told|tells|tell|telling|revealed to)\b/i,
  /\b(?:said|says|say|claimed|claims|reported|reports|stated|added|noted|emphasi[sz]ed|stressed|continued|warned|estimates?|quoted|citing)\b/i,
  /\bsources?\b/i,
];
const REPORTING = {
  exec(sentence: string): RegExpExecArray | null {
    for (const cue of REPORTING_CUES) {
      const match = cue.exec(sentence);
      if (match) return match;
    }
    return null;
  },
};

/**
 * Ordered: the first rule that matches wins, so specific phrases come before general ones.
 * "Declined to comment" is a cue, but not a denial: it proposes no stance.
 */
const CUE_RULES: CueRule[] = [
  { pattern: NO_COMMENT, stance: null },
  { pattern: DENIAL, stance: 'denies' },
  { pattern: CONTRAST, stance: 'contradicts' },
  { pattern: REPORTING, stance: 'reports' },
];

/** The stance a sentence's own wording suggests, whatever claim it is read against. */
export function proposeStance(sentence: string): StanceProposal {
  for (const rule of CUE_RULES) {
    const match = rule.pattern.exec(sentence);
    if (match) return { stance: rule.stance, cue: match[0].trim() };
  }
  return { stance: 'asserts', cue: null };
}

/** What decides the stance of a sentence towards the claims it carries, read once per sentence. */
export type SentenceCues = {
  denial: { cue: string; at: number; referential: boolean } | null;
  contrast: string | null;
  reporting: string | null;
  noComment: string | null;
};

/**
 * A denial whose object is a reference ("denied the report", "no such plan", "“This is not
 * true”") rather than the claim's own words: it denies what the article has relayed.
 */
const REFERENTIAL =
  /\b(?:denied|denies|deny|denying|dismissed|rejected|refuted)\s+(?:the|this|that|such|these|those)\s+(?:reports?|account|claims?|story|allegations?|plan|deal)\b|\bno such\b|\b(?:this|that|it)\s+is\s+not\s+true\b|\bnot true\b|\b(?:such a|the) (?:plan|deal) (?:has|had) never\b|\bnever been discussed\b/i;

/** A sentence that is nothing but a quotation continues the quotation or statement before it. */
const WHOLE_QUOTE = /^[“"][^“”"]+[”"]\.?$/;

export function readSentenceCues(sentence: string, previous: string | null = null): SentenceCues {
  const denial = DENIAL.exec(sentence);
  const reporting = REPORTING.exec(sentence);
  const continued = WHOLE_QUOTE.test(sentence.trim()) && previous !== null && /[”"]|\bsaid\b|:\s*$/.test(previous);
  return {
    denial: denial ? { cue: denial[0].trim(), at: denial.index, referential: REFERENTIAL.test(sentence) } : null,
    contrast: CONTRAST.exec(sentence)?.[0] ?? null,
    reporting: reporting ? reporting[0].trim() : continued ? 'quotation continued from the sentence before' : null,
    noComment: NO_COMMENT.exec(sentence)?.[0] ?? null,
  };
}

/**
 * The stance of one sentence towards one claim. A denial counts against a claim only when
 * it is about that claim — the claim the sentence is chiefly about, or, for a denial of "the
 * report", the claim the article relays; another claim the sentence touches keeps the
 * stance its reporting words give it.
 */
export function proposePairStance(
  cues: SentenceCues,
  relation: 'main' | 'referenced' | 'contradicted' | 'other',
): StanceProposal {
  if (relation === 'contradicted') return { stance: 'contradicts', cue: cues.contrast ?? 'says the opposite' };
  if (cues.denial && (relation === 'main' || relation === 'referenced'))
    return { stance: 'denies', cue: cues.denial.cue };
  if (cues.reporting) return { stance: 'reports', cue: cues.reporting };
  if (cues.noComment) return { stance: null, cue: cues.noComment };
  return { stance: 'asserts', cue: null };
}
