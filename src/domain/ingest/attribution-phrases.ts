import type { CharRange } from '../schemas';

export type AttributionKind = 'according-to' | 'told' | 'said' | 'unnamed-source';

export type AttributionPhrase = {
  kind: AttributionKind;
  /** Where the phrase stands in the text. */
  range: CharRange;
  /** Who is speaking, as the text names them ("two U.S. officials", "the White House"). */
  source: string;
  /** Whom they told, for "X told Y" ("Al-Araby Al-Jadeed"). */
  recipient: string | null;
};

/** A capitalized word; Arabic names may lead with a lower-case article ("al-Araby"). */
const CAPITALIZED = String.raw`(?:al-)?[A-Z][\w.'’-]*`;
/** A proper name: capitalized words, joined by the small words names contain. */
const NAME = String.raw`(?:[Tt]he |[Aa]n? )?(?:[A-Z]?[\w]+-(?:based|owned|run) )?${CAPITALIZED}(?:\s+(?:(?:of|for|and|the|on|al-|Al-)\s+)*${CAPITALIZED}){0,6}(?:\s+(?:statement|readout|report|spokesperson|spokesman|spokeswoman|newspaper))?`;
const QUANTITY = String.raw`(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ultiple|\d+)`;
const QUALIFIER = String.raw`(?:(?:senior|top|high-ranking|unnamed|anonymous|former|other|legal|Western|Arab|diplomatic|military|security|intelligence|government|administration|U\.S\.|US|American|Israeli|Egyptian|Qatari|Iranian|Palestinian|Hamas|Gaza|Lebanese|Saudi|European|White House|State Department|Pentagon)\s+)`;
const ROLE = String.raw`(?:officials?|sources?|diplomats?|aides?|advisers?|advisors?|negotiators?|insiders?|experts?|spokes(?:man|woman|person))`;
/** "two U.S. officials", "a senior official", "Egyptian sources", "US officials". */
const PLURAL_ROLE = String.raw`(?:officials|sources|diplomats|aides|negotiators|insiders)`;
/** A bare qualified role counts only in the plural: "security adviser Jake Sullivan" is a named person. */
const UNNAMED = String.raw`(?:${QUANTITY}\s+${QUALIFIER}*${ROLE}|${QUALIFIER}+${PLURAL_ROLE}|${QUANTITY}\s+${ROLE})`;
/** What the text calls a source it named before: "the readout", "the newspaper", "one of the officials". */
const REFERENT = String.raw`(?:[Oo]ne of the (?:officials|sources|diplomats)|[Tt]he (?:readout|statement|newspaper|paper|report|outlet|agency|broadcaster|spokes(?:man|woman|person)|officials?|sources?))`;
/** A body that speaks as one: "Israeli media", "Aid agencies", "the territory's health ministry", "The Israeli military". */
const BODY = String.raw`(?:(?:[Tt]he )?(?:[\w'’]+ ){0,2}(?:media|agencies|ministry|military|army|government))`;
const SPEAKER = String.raw`(?:${UNNAMED}|${REFERENT}|[Oo]fficials|[Ss]ources|${BODY}|${NAME})`;

const ACCORDING_TO = new RegExp(
  String.raw`\b[Aa]ccording to (${UNNAMED}|(?:the|an?) (?:report|sources?|statement|readout|officials?)|${BODY}|${NAME})`,
  'g',
);
const TOLD = new RegExp(
  String.raw`(${SPEAKER})\s+(?:told|tell|tells)\s+(the newspaper|the outlet|the paper|reporters|journalists|${NAME})`,
  'g',
);
/** "X reported on Thursday, citing Egyptian sources": the sources told X. */
const CITING = new RegExp(
  String.raw`(${NAME})\s+(?:reported|said|says|reports)\b[^,]{0,40},\s+citing\s+(${SPEAKER})`,
  'g',
);
/** "Two US officials denied the report, telling Axios…". */
const TELLING = new RegExp(String.raw`(${SPEAKER})\s+[^,]{0,60},\s+telling\s+(${NAME})`, 'g');
/** "a report in the New Arab, which quoted a senior official": the official told the New Arab. */
const QUOTED = new RegExp(String.raw`(${NAME}),?\s+(?:which|who)\s+(?:quoted|cited)\s+(${SPEAKER})`, 'g');
/** "first published by al-Araby al-Jadeed". */
const PUBLISHED_BY = new RegExp(String.raw`\b(?:first )?(?:published|reported|broken) by (${NAME})`, 'g');
const SAID_AFTER_VERB =
  /\s(?:said|says|say|stated|added|noted|claimed|claims|confirmed|denied|told|reported|emphasi[sz]ed|stressed|continued|estimates?)\b/;
const SAID_AFTER = new RegExp(
  String.raw`(${SPEAKER})\s+(?:(?:also|later|previously|have|has|had)\s+)?(?:said|says|say|stated|added|noted|claimed|claims|confirmed|denied|told|reported|emphasi[sz]ed|stressed|continued|estimates?)\b`,
  'g',
);
/** "…," said X — only after a quotation or a comma, where the name is the speaker, not the subject. */
const SAID_BEFORE = new RegExp(String.raw`(?<=[,"”]\s*)(?:said|says|stated|added)\s+(${UNNAMED}|${NAME})`, 'g');
const UNNAMED_ANYWHERE = new RegExp(String.raw`\b${UNNAMED}\b`, 'g');

const PRONOUNS = /^(?:It|He|She|They|This|That|Which|Who|We|I|There)$/;

/**
 * Finds who-said-what phrases in one sentence: "according to X", "X told Y", "X said",
 * "…," said X", and unnamed sources. Give it sentences: a name never runs across one.
 */
export function findAttributionPhrases(text: string): AttributionPhrase[] {
  const found: AttributionPhrase[] = [];
  const add = (kind: AttributionKind, match: RegExpMatchArray, source: string, recipient: string | null = null) => {
    const start = match.index ?? 0;
    // A name at the end of a sentence takes its full stop along; initials ("U.S.") keep theirs.
    const stop = /(?:^|\s)(?![A-Z]\.(?:[A-Z]\.)*$)\S+\.$/.test(match[0]) ? 1 : 0;
    found.push({
      kind,
      range: [start, start + match[0].length - stop],
      source: stop && source.endsWith('.') ? source.slice(0, -1).trim() : source.trim(),
      recipient: (stop && recipient?.endsWith('.') ? recipient.slice(0, -1) : recipient)?.trim() ?? null,
    });
  };
  // Each pattern is tried only on a sentence that has its fixed words: most have none of them.
  const matches = (pattern: RegExp, words: RegExp) => (words.test(text) ? text.matchAll(pattern) : []);
  for (const m of matches(ACCORDING_TO, /ccording to /)) add('according-to', m, m[1] ?? '');
  for (const m of matches(TOLD, /\s(?:told|tells?)\s/)) add('told', m, m[1] ?? '', m[2] ?? null);
  for (const m of matches(CITING, /,\s+citing\s/)) add('told', m, m[2] ?? '', m[1] ?? null);
  for (const m of matches(TELLING, /,\s+telling\s/)) add('told', m, m[1] ?? '', m[2] ?? null);
  for (const m of matches(QUOTED, /\s(?:which|who)\s+(?:quoted|cited)\s/)) add('told', m, m[2] ?? '', m[1] ?? null);
  for (const m of matches(PUBLISHED_BY, / by /)) add('said', m, m[1] ?? '');
  for (const m of matches(SAID_AFTER, SAID_AFTER_VERB)) {
    if (/\btold$/.test(m[0]) || PRONOUNS.test((m[1] ?? '').trim())) continue;
    add('said', m, m[1] ?? '');
  }
  for (const m of matches(SAID_BEFORE, /(?:said|says|stated|added)\s/)) add('said', m, m[1] ?? '');
  for (const m of text.matchAll(UNNAMED_ANYWHERE)) add('unnamed-source', m, m[0]);
  return keepLongest(found).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** Where phrases of one kind overlap, the longest stands for them. */
function keepLongest(phrases: AttributionPhrase[]): AttributionPhrase[] {
  const kept: AttributionPhrase[] = [];
  const byLength = [...phrases].sort((a, b) => b.range[1] - b.range[0] - (a.range[1] - a.range[0]));
  for (const phrase of byLength) {
    const overlaps = kept.some(
      (k) => k.kind === phrase.kind && k.range[0] < phrase.range[1] && phrase.range[0] < k.range[1],
    );
    if (!overlaps) kept.push(phrase);
  }
  return kept;
}
