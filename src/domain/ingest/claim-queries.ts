import { dayNumber } from '../calendar-days';
import type { StoryBundle } from '../schemas';
import { isOpposing, isSupporting } from '../stance-rules';
import type { ClaimQuery, DayRange } from './claim-suggestions';
import { findAbsoluteDates, findDatePhrases } from './date-phrases';

/**
 * What a story knows about each claim, as queries for matching new articles: the wording,
 * the evidence quotes, the days it is about (its events, days written in its wording), which
 * claims the same words contradict, and whether anyone denies it already.
 */
export function claimQueriesOf(story: Pick<StoryBundle, 'claims' | 'mentions' | 'events' | 'articles'>): ClaimQuery[] {
  const evidence = new Map<string, string[]>();
  const mentionClaim = new Map<string, string>();
  const contested = new Set<string>();
  for (const mention of story.mentions) {
    mentionClaim.set(mention.id, mention.claim);
    const quotes = evidence.get(mention.claim) ?? [];
    quotes.push(...mention.spans.map((span) => span.exact));
    evidence.set(mention.claim, quotes);
    if (isOpposing(mention.stance)) contested.add(mention.claim);
  }

  const days = new Map<string, DayRange[]>();
  const addDays = (claim: string, range: DayRange) => days.set(claim, [...(days.get(claim) ?? []), range]);
  for (const event of story.events) {
    const range = { start: dayNumber(event.date.start), end: dayNumber(event.date.end) };
    for (const mention of event.mentions) {
      const claim = mentionClaim.get(mention);
      if (claim) addDays(claim, range);
    }
  }
  // Days the evidence itself names ("On Thursday, Egyptian sources told…"), read against
  // the publication date of the article it stands in.
  const publishedOf = new Map(story.articles.map((a) => [a.id, a.published.date]));
  for (const mention of story.mentions) {
    const published = publishedOf.get(mention.article);
    if (!published) continue;
    for (const span of mention.spans)
      for (const phrase of findDatePhrases(span.exact, published))
        addDays(mention.claim, { start: dayNumber(phrase.date.start), end: dayNumber(phrase.date.end) });
  }
  // A day written without its year belongs to the story's period.
  const published = story.articles.map((a) => a.published.date).sort();
  const reference = published[Math.floor(published.length / 2)];
  if (reference) {
    for (const claim of story.claims) {
      for (const phrase of findAbsoluteDates(claim.text, reference))
        addDays(claim.id, { start: dayNumber(phrase.date.start), end: dayNumber(phrase.date.end) });
    }
  }

  // Words that carry one claim and contradict another, in the same article: a new sentence
  // carrying the first likely contradicts the second too.
  const contradicts = new Map<string, Set<string>>();
  for (const opposing of story.mentions) {
    if (opposing.stance !== 'contradicts') continue;
    for (const supporting of story.mentions) {
      if (supporting.article !== opposing.article || !isSupporting(supporting.stance)) continue;
      if (supporting.claim === opposing.claim) continue;
      const shared = supporting.spans.some((a) => opposing.spans.some((b) => a.start < b.end && b.start < a.end));
      if (shared)
        contradicts.set(supporting.claim, (contradicts.get(supporting.claim) ?? new Set()).add(opposing.claim));
    }
  }

  return story.claims.map((claim) => ({
    id: claim.id,
    text: claim.text,
    evidence: evidence.get(claim.id) ?? [],
    days: days.get(claim.id) ?? [],
    contradicts: [...(contradicts.get(claim.id) ?? [])],
    contested: contested.has(claim.id),
  }));
}
