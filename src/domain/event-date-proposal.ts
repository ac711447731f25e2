import { findDatePhrases } from './ingest/date-phrases';
import { resolveRelativeDate } from './relative-dates';
import type { Article, CharRange, EventDate, Mention } from './schemas';

/** A date for a new event, read from a date phrase of one sentence. */
export type EventDateProposal = {
  /** The phrase as the article writes it, and where it is in the article's body. */
  phrase: string;
  range: CharRange;
  /** How the phrase was read ("the Thursday before publication"). */
  reading: string;
  /** The phrase has more than one natural reading; the date spans them all. */
  ambiguous: boolean;
  date: EventDate;
};

/** A sentence of an article with the dates its phrases propose, in text order. */
export type DatedSentence = { index: number; range: CharRange; text: string; proposals: EventDateProposal[] };

type DatingArticle = Pick<Article, 'id' | 'body' | 'published'> & { outletName?: string };

/**
 * The dates a sentence's date phrases give, each resolved against the article's publication
 * date by the shared resolver. A relative phrase the resolver reads as it stands ("on
 * Thursday") keeps its phrase and article as `derivedFrom`, so the server can check the date
 * against them; a written-out day ("18 April") or a phrase read in context ("due to meet on
 * Thursday" is the coming Thursday) gives the date with its basis, and no `derivedFrom`.
 */
export function proposeEventDates(article: DatingArticle, range: CharRange): EventDateProposal[] {
  const [from, to] = range;
  const sentence = article.body.slice(from, to);
  const published = article.published.date;
  const source = article.outletName ? `${article.outletName}, published ${published}` : `published ${published}`;
  return findDatePhrases(sentence, published).map(({ range: [start, end], phrase, date }) => {
    const asWritten = resolveRelativeDate(phrase, published);
    const derivable =
      asWritten.ok &&
      asWritten.date.start === date.start &&
      asWritten.date.end === date.end &&
      asWritten.date.precision === date.precision;
    return {
      phrase,
      range: [from + start, from + end] as CharRange,
      reading: date.reading,
      ambiguous: date.ambiguous,
      date: {
        precision: date.precision,
        start: date.start,
        end: date.end,
        basis: `Coverage: “${sentence.trim()}” (${source}); “${phrase}” read as ${date.reading}.`,
        derivedFrom: derivable ? { article: article.id, phrase } : null,
      },
    };
  });
}

/** The article's sentences that carry at least one date phrase, with their proposals. */
export function datedSentences(article: DatingArticle & Pick<Article, 'sentences'>): DatedSentence[] {
  return article.sentences.flatMap((range, index) => {
    const proposals = proposeEventDates(article, range);
    return proposals.length > 0
      ? [{ index, range, text: article.body.slice(range[0], range[1]).trim(), proposals }]
      : [];
  });
}

/** The mentions of an article whose evidence stands in a sentence of it: those that report what it dates. */
export function mentionsInSentence(
  mentions: readonly Pick<Mention, 'id' | 'article' | 'spans'>[],
  articleId: string,
  sentence: readonly [number, number],
): string[] {
  return mentions
    .filter((m) => m.article === articleId)
    .filter((m) => m.spans.some((s) => s.article === articleId && s.start < sentence[1] && s.end > sentence[0]))
    .map((m) => m.id);
}
