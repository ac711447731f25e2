import { dayNumber } from '@/domain/calendar-days';
import { resolveRelativeDate } from '@/domain/relative-dates';
import {
  EVENT_KINDS,
  type ArticleMeta,
  type Claim,
  type Span,
  type StanceCell,
  type StoryEvent,
} from '@/domain/schemas';
import type { AnyStoryIndex, StoryParts } from '@/domain/story-index';
import { articleSays, saidStatusOf, type SaidStatus } from './mention-status';

export type MentionReport = {
  mention: StanceCell;
  claim: Claim | undefined;
  says: SaidStatus;
  quotes: string[];
};

/** When an article came out relative to the event it reports. */
export type ReportTiming = { relation: 'before' | 'during' | 'after'; days: number };

export type EventReport = {
  article: ArticleMeta;
  outlet: string;
  timing: ReportTiming;
  says: SaidStatus | null;
  mentions: MentionReport[];
  /** The article speaks of an event that did take place as still to come: it was written before it. */
  previews: boolean;
};

export type DateDerivation = {
  phrase: string;
  article: ArticleMeta | undefined;
  outlet: string;
  reading: string | null;
};

export type TimelineEvent = {
  id: string;
  event: StoryEvent;
  /** Day numbers (see calendar-days), end inclusive. */
  start: number;
  end: number;
  reports: EventReport[];
  claims: Claim[];
  derivation: DateDerivation | null;
};

export type PublishedArticle = {
  article: ArticleMeta;
  outlet: string;
  /** Events this article reports as still to come although they took place. */
  previews: TimelineEvent[];
};

export type PublicationDay = { day: number; articles: PublishedArticle[] };

export type TimelineData = {
  events: TimelineEvent[];
  byId: Map<string, TimelineEvent>;
  publications: PublicationDay[];
  articleCount: number;
  /** First and last day with an event or a publication, or null for an empty story. */
  span: { start: number; end: number } | null;
};

function timingOf(published: number, start: number, end: number): ReportTiming {
  if (published < start) return { relation: 'before', days: start - published };
  if (published > end) return { relation: 'after', days: published - end };
  return { relation: 'during', days: 0 };
}

function outletName(index: AnyStoryIndex, article: ArticleMeta | undefined): string {
  if (!article) return '';
  return index.outlets.get(article.outlet)?.name ?? article.outlet;
}

/** A mention's quotes: from the overview's event quotes, or from the spans a bundle's mention carries. */
type QuotesOf = (mention: StanceCell) => string[];

const quotesFrom =
  (eventQuotes: Record<string, string[]> | undefined): QuotesOf =>
  (mention) =>
    eventQuotes?.[mention.id] ?? ((mention as { spans?: Span[] }).spans ?? []).map((span) => span.exact);

function buildEvent(event: StoryEvent, index: AnyStoryIndex, quotesOf: QuotesOf): TimelineEvent {
  const start = dayNumber(event.date.start);
  const end = dayNumber(event.date.end);
  const byArticle = new Map<string, MentionReport[]>();
  const claims = new Map<string, Claim>();
  for (const id of event.mentions) {
    const mention = index.mentions.get(id);
    if (!mention) continue;
    const claim = index.claims.get(mention.claim);
    if (claim) claims.set(claim.id, claim);
    const quotes = quotesOf(mention);
    const report = {
      mention,
      claim,
      quotes,
      says: saidStatusOf({ stance: mention.stance, quotes }, claim?.text ?? ''),
    };
    const list = byArticle.get(mention.article);
    if (list) list.push(report);
    else byArticle.set(mention.article, [report]);
  }

  const reports: EventReport[] = [];
  for (const [articleId, mentions] of byArticle) {
    const article = index.articles.get(articleId);
    if (!article) continue;
    const says = articleSays(mentions.map((m) => m.says));
    const published = dayNumber(article.published.date);
    reports.push({
      article,
      outlet: outletName(index, article),
      timing: timingOf(published, start, end),
      says,
      mentions,
      previews: says === 'planned' && event.status === 'held' && published <= end,
    });
  }
  reports.sort(
    (a, b) =>
      a.article.published.date.localeCompare(b.article.published.date) || a.article.id.localeCompare(b.article.id),
  );

  let derivation: DateDerivation | null = null;
  if (event.date.derivedFrom) {
    const article = index.articles.get(event.date.derivedFrom.article);
    const resolved = article ? resolveRelativeDate(event.date.derivedFrom.phrase, article.published.date) : null;
    derivation = {
      phrase: event.date.derivedFrom.phrase,
      article,
      outlet: outletName(index, article),
      reading: resolved?.ok ? resolved.date.reading : null,
    };
  }

  return { id: event.id, event, start, end, reports, claims: [...claims.values()], derivation };
}

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    EVENT_KINDS.indexOf(a.event.kind) - EVENT_KINDS.indexOf(b.event.kind) ||
    a.id.localeCompare(b.id)
  );
}

/** Everything the timeline draws, computed once per story bundle. */
export function buildTimelineData(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): TimelineData {
  const quotesOf = quotesFrom(bundle.eventQuotes);
  const events = bundle.events.map((event) => buildEvent(event, index, quotesOf)).sort(compareEvents);

  const previewsByArticle = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    for (const report of event.reports) {
      if (!report.previews) continue;
      const list = previewsByArticle.get(report.article.id);
      if (list) list.push(event);
      else previewsByArticle.set(report.article.id, [event]);
    }
  }

  const days = new Map<number, PublishedArticle[]>();
  for (const article of bundle.articles) {
    const day = dayNumber(article.published.date);
    const entry = { article, outlet: outletName(index, article), previews: previewsByArticle.get(article.id) ?? [] };
    const list = days.get(day);
    if (list) list.push(entry);
    else days.set(day, [entry]);
  }
  const publications = [...days]
    .map(([day, articles]) => ({
      day,
      articles: articles.sort((a, b) => a.outlet.localeCompare(b.outlet) || a.article.id.localeCompare(b.article.id)),
    }))
    .sort((a, b) => a.day - b.day);

  let span: TimelineData['span'] = null;
  const widen = (start: number, end: number) => {
    span = span ? { start: Math.min(span.start, start), end: Math.max(span.end, end) } : { start, end };
  };
  for (const event of events) widen(event.start, event.end);
  for (const { day } of publications) widen(day, day);

  return {
    events,
    byId: new Map(events.map((event) => [event.id, event])),
    publications,
    articleCount: bundle.articles.length,
    span,
  };
}
