import type { EventDate } from '@/domain/schemas';
import { foldPhraseText, normalizePhrase, resolveRelativeDate } from '@/domain/relative-dates';
import { CorpusError } from './corpus-error';

type DatingArticle = { published: { date: string }; body: string };

/**
 * An event date that says it was derived from a relative phrase ("on Thursday" in article X)
 * is recomputed from that phrase and the article's publication date by the shared resolver.
 * The file still spells out precision/start/end, so a reviewer reads the date without running
 * anything; the loader refuses the file when those disagree with the resolver, naming the
 * field, so a typo or a change of resolution rules cannot slip through silently.
 */
export function resolveDerivedEventDate(
  file: string,
  path: string,
  date: EventDate,
  articles: ReadonlyMap<string, DatingArticle>,
): EventDate {
  if (date.derivedFrom === null) return date;
  const { article: articleId, phrase } = date.derivedFrom;
  const article = articles.get(articleId);
  if (!article) {
    throw new CorpusError(file, `${path}.derivedFrom.article`, `unknown article "${articleId}"`);
  }
  if (!foldPhraseText(article.body).includes(normalizePhrase(phrase))) {
    throw new CorpusError(file, `${path}.derivedFrom.phrase`, `"${phrase}" does not occur in article "${articleId}"`);
  }
  const result = resolveRelativeDate(phrase, article.published.date);
  if (!result.ok) throw new CorpusError(file, `${path}.derivedFrom.phrase`, result.reason);
  const { precision, start, end, reading } = result.date;
  if (date.record !== undefined) {
    // The day comes from the record; the coverage's phrase is kept beside it and must agree.
    if (date.start < start || date.start > end) {
      throw new CorpusError(
        file,
        `${path}.start`,
        `is "${date.start}" (from the record) but "${phrase}" in "${articleId}" (published ` +
          `${article.published.date}) covers only ${start === end ? start : `${start} – ${end}`}: ${reading}`,
      );
    }
    return date;
  }
  const resolved = { precision, start, end };
  for (const key of ['precision', 'start', 'end'] as const) {
    if (date[key] !== resolved[key]) {
      throw new CorpusError(
        file,
        `${path}.${key}`,
        `is "${date[key]}" but "${phrase}" in "${articleId}" (published ${article.published.date}) ` +
          `resolves to ${start === end ? start : `${start} – ${end}`}: ${reading}`,
      );
    }
  }
  return { ...date, ...resolved };
}
