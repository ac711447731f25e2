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
import { articleSays, saidStatusReader, type SaidStatus } from './mention-status';

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

/** Day numbers of ISO days, each parsed (and checked) once per build: articles share a few hundred days. */
function dayNumbers(): (isoDay: string) => number {
  const known = new Map<string, number>();
  return (isoDay) => {
    let day = known.get(isoDay);
    if (day === undefined) {
      day = dayNumber(isoDay);
      known.set(isoDay, day);
    }
    return day;
  };
}

/** The order of String.prototype.localeCompare, without making it anew on each of thousands of comparisons. */
const collator = new Intl.Collator();

/** What a build reads once and looks up many times. */
type Reading = {
  quotesOf: QuotesOf;
  dayOf: (isoDay: string) => number;
  saysOf: ReturnType<typeof saidStatusReader>;
};

function buildEvent(event: StoryEvent, index: AnyStoryIndex, { quotesOf, dayOf, saysOf }: Reading): TimelineEvent {
  const start = dayOf(event.date.start);
  const end = dayOf(event.date.end);
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
      says: saysOf({ stance: mention.stance, quotes }, claim?.text ?? ''),
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
    const published = dayOf(article.published.date);
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
      collator.compare(a.article.published.date, b.article.published.date) ||
      collator.compare(a.article.id, b.article.id),
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
    collator.compare(a.id, b.id)
  );
}

const built = new WeakMap<StoryParts<StanceCell>, { index: AnyStoryIndex; data: TimelineData }>();

/** Everything the timeline draws, computed once per story read however often the view remounts. */
export function timelineDataFor(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): TimelineData {
  const cached = built.get(bundle);
  if (cached?.index === index) return cached.data;
  const data = buildTimelineData(bundle, index);
  built.set(bundle, { index, data });
  return data;
}

/** Everything the timeline draws, computed once per story bundle. */
export function buildTimelineData(bundle: StoryParts<StanceCell>, index: AnyStoryIndex): TimelineData {
  const reading: Reading = {
    quotesOf: quotesFrom(bundle.eventQuotes),
    dayOf: dayNumbers(),
    saysOf: saidStatusReader(),
  };
  const { dayOf } = reading;
  const events = bundle.events.map((event) => buildEvent(event, index, reading)).sort(compareEvents);

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
    const day = dayOf(article.published.date);
    const entry = { article, outlet: outletName(index, article), previews: previewsByArticle.get(article.id) ?? [] };
    const list = days.get(day);
    if (list) list.push(entry);
    else days.set(day, [entry]);
  }
  // Outlets ranked once, so that sorting thousands of articles compares numbers, not names.
  const outletRank = new Map(
    [...new Set(bundle.articles.map((article) => outletName(index, article)))]
      .sort(collator.compare)
      .map((name, rank) => [name, rank]),
  );
  const rankOf = (entry: PublishedArticle) => outletRank.get(entry.outlet) ?? 0;
  const publications = [...days]
    .map(([day, articles]) => ({
      day,
      articles: articles.sort((a, b) => rankOf(a) - rankOf(b) || collator.compare(a.article.id, b.article.id)),
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
