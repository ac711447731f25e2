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
  /** How many articles report it. */
  articleCount: number;
  /** The articles that speak of it as still to come although it took place, written before it ended. */
  previewedBy: readonly ArticleMeta[];
  /** Oldest first. */
  readonly reports: EventReport[];
  readonly claims: Claim[];
  readonly derivation: DateDerivation | null;
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

/**
 * An event as the timeline draws it. What every view of it needs (its days, how many articles
 * report it, which of them were written before it) is worked out at once; the reports with
 * their quotes and statements, its claims and the reading of its date when first read — the
 * details of an event, the rows of the table in view, an export — so that a story with
 * thousands of events does not read every quote of every one to draw the chart.
 */
/** Most events are previewed by no article: they share one empty list. */
const NO_ARTICLES: ArticleMeta[] = [];

function buildEvent(event: StoryEvent, index: AnyStoryIndex, reading: Reading): TimelineEvent {
  const { dayOf, saysOf, quotesOf } = reading;
  const end = dayOf(event.date.end);
  const byArticle = new Map<ArticleMeta, StanceCell[]>();
  for (const id of event.mentions) {
    const mention = index.mentions.get(id);
    if (!mention) continue;
    const article = index.articles.get(mention.article);
    if (!article) continue;
    const list = byArticle.get(article);
    if (list) list.push(mention);
    else byArticle.set(article, [mention]);
  }
  // Only an event that took place can have been previewed, and only by an article written before it ended.
  let previewedBy: ArticleMeta[] = NO_ARTICLES;
  if (event.status === 'held') {
    for (const [article, mentions] of byArticle) {
      if (dayOf(article.published.date) > end) continue;
      const said = mentions.map((mention) =>
        saysOf({ stance: mention.stance, quotes: quotesOf(mention) }, index.claims.get(mention.claim)?.text ?? ''),
      );
      if (articleSays(said) === 'planned') previewedBy = [...previewedBy, article];
    }
  }
  const start = dayOf(event.date.start);
  let reports: EventReport[] | undefined;
  let claims: Claim[] | undefined;
  let derivation: DateDerivation | null | undefined;
  // Getters, not a class, so that a copy ({ ...event }) still carries the details.
  return {
    id: event.id,
    event,
    start,
    end,
    articleCount: byArticle.size,
    previewedBy,
    get reports() {
      reports ??= reportsOf(event, index, byArticle, { start, end }, reading);
      return reports;
    },
    get claims() {
      claims ??= [
        ...new Set(
          event.mentions.flatMap((id) => {
            const mention = index.mentions.get(id);
            return (mention && index.claims.get(mention.claim)) ?? [];
          }),
        ),
      ];
      return claims;
    },
    get derivation() {
      if (derivation === undefined) derivation = derivationOf(event, index);
      return derivation;
    },
  };
}

function reportsOf(
  event: StoryEvent,
  index: AnyStoryIndex,
  byArticle: ReadonlyMap<ArticleMeta, StanceCell[]>,
  { start, end }: { start: number; end: number },
  { quotesOf, dayOf, saysOf }: Reading,
): EventReport[] {
  const reports: EventReport[] = [];
  for (const [article, cells] of byArticle) {
    const mentions = cells.map((mention): MentionReport => {
      const claim = index.claims.get(mention.claim);
      const quotes = quotesOf(mention);
      return { mention, claim, quotes, says: saysOf({ stance: mention.stance, quotes }, claim?.text ?? '') };
    });
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
  return reports.sort(
    (a, b) =>
      collator.compare(a.article.published.date, b.article.published.date) ||
      collator.compare(a.article.id, b.article.id),
  );
}

function derivationOf(event: StoryEvent, index: AnyStoryIndex): DateDerivation | null {
  if (!event.date.derivedFrom) return null;
  const article = index.articles.get(event.date.derivedFrom.article);
  const resolved = article ? resolveRelativeDate(event.date.derivedFrom.phrase, article.published.date) : null;
  return {
    phrase: event.date.derivedFrom.phrase,
    article,
    outlet: outletName(index, article),
    reading: resolved?.ok ? resolved.date.reading : null,
  };
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
    for (const article of event.previewedBy) {
      const list = previewsByArticle.get(article.id);
      if (list) list.push(event);
      else previewsByArticle.set(article.id, [event]);
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
