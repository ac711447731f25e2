import type { Kysely, Transaction } from 'kysely';
import {
  stepSources,
  type Mention,
  type Passage,
  type Span,
  type StanceCell,
  type StoryOverview,
} from '@/domain/schemas';
import type { StoryOverviewStore } from '../story-overview-store';
import { readStoryVersioning } from './article-version-queries';
import type { Database } from './database-schema';
import { CELL_COLUMNS, cellFromRow, MENTION_COLUMNS, mentionFromRow } from './mention-rows';
import { passageSpansFromJson } from './row-codecs';
import {
  actorColumns,
  outletColumns,
  readLiveArticles,
  readLiveClaims,
  readStoryEvents,
  readStoryHeader,
  toActor,
  toOutlet,
} from './story-queries';
import { storyVersionQueries } from './story-version-queries';

type Db = Kysely<Database> | Transaction<Database>;

const snapshot = <T>(db: Kysely<Database>, read: (trx: Transaction<Database>) => Promise<T>) =>
  db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);

const countOf = async (db: Db, table: 'passages', storyId: string) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('story', '=', storyId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export function storyOverviewQueries(db: Kysely<Database>): StoryOverviewStore {
  return {
    getStoryOverview: (storyId) => snapshot(db, (trx) => readOverview(trx, storyId)),

    getStoryEvidence: (storyId, scope) =>
      snapshot(db, async (trx) => {
        const story = await trx.selectFrom('stories').select('id').where('id', '=', storyId).executeTakeFirst();
        if (!story) return null;
        const live = new Set(await liveArticleIds(trx, storyId));
        let query = trx.selectFrom('mentions').select(MENTION_COLUMNS).where('story', '=', storyId);
        if (scope.claim !== undefined) query = query.where('claim', '=', scope.claim);
        if (scope.article !== undefined) query = query.where('article', '=', scope.article);
        // A removed article's evidence left with it.
        const rows = (await query.orderBy('rowid').execute()).filter((row) => live.has(row.article));
        const spansByMention = new Map<string, Span[]>();
        for (let from = 0; from < rows.length; from += 500) {
          const spanRows = await trx
            .selectFrom('spans')
            .select(['mention', 'article', 'start', 'end', 'exact', 'prefix', 'suffix'])
            .where(
              'mention',
              'in',
              rows.slice(from, from + 500).map((row) => row.id),
            )
            .orderBy('mention')
            .orderBy('ordinal')
            .execute();
          for (const { mention, ...span } of spanRows) {
            if (live.has(span.article)) spansByMention.set(mention, [...(spansByMention.get(mention) ?? []), span]);
          }
        }
        const mentions: Mention[] = rows
          // As in the whole story: a mention whose every span a new version unanchored has no evidence left.
          .filter((row) => spansByMention.has(row.id))
          .map((row) => mentionFromRow(row, spansByMention.get(row.id) ?? []));
        // Shared passages belong to articles: an article's (or a cell's) scope carries those with a span in it.
        const passages =
          scope.article === undefined
            ? []
            : (await livePassages(trx, storyId)).filter((passage) =>
                passage.spans.some((span) => span.article === scope.article),
              );
        return { mentions, passages };
      }),

    getStoryPassage: (storyId, passageId) =>
      snapshot(db, async (trx) => {
        const found = (await livePassages(trx, storyId, passageId))[0];
        return found ?? null;
      }),
  };
}

const liveArticleIds = async (db: Db, storyId: string) =>
  (
    await db.selectFrom('articles').select('id').where('story', '=', storyId).where('removed_at', 'is', null).execute()
  ).map((row) => row.id);

/**
 * A story's shared passages as the whole story shows them: each with its places in the live
 * articles, and only while it still stands in two places at least.
 */
async function livePassages(db: Db, storyId: string, passageId?: string): Promise<Passage[]> {
  let query = db.selectFrom('passages').select(['id', 'story', 'text', 'spans']).where('story', '=', storyId);
  if (passageId !== undefined) query = query.where('id', '=', passageId);
  const rows = await query.orderBy('rowid').execute();
  if (rows.length === 0) return [];
  const live = new Set(await liveArticleIds(db, storyId));
  return rows
    .map((row) => ({ ...row, spans: passageSpansFromJson.parse(row.spans).filter((span) => live.has(span.article)) }))
    .filter((passage) => passage.spans.length >= 2);
}

async function readOverview(db: Transaction<Database>, storyId: string): Promise<StoryOverview | null> {
  const version = await storyVersionQueries(db).getStoryVersion(storyId);
  const story = await readStoryHeader(db, storyId);
  if (!story || !version) return null;
  const articles = await readLiveArticles(db, storyId);
  const liveArticles = new Set(articles.map((article) => article.id));
  const claims = await readLiveClaims(db, storyId);
  // As in the whole story: a mention whose every span a new version unanchored has no evidence left.
  const withEvidence = new Set(
    (await db.selectFrom('spans').select('mention').distinct().where('story', '=', storyId).execute()).map(
      (row) => row.mention,
    ),
  );
  const cells: StanceCell[] = (
    await db.selectFrom('mentions').select(CELL_COLUMNS).where('story', '=', storyId).orderBy('rowid').execute()
  )
    .filter((row) => liveArticles.has(row.article) && withEvidence.has(row.id))
    .map(cellFromRow);
  const cellIds = new Set(cells.map((cell) => cell.id));
  const events = await readStoryEvents(db, storyId);
  for (const event of events) event.mentions = event.mentions.filter((id) => cellIds.has(id));
  // The timeline words an event's reports by their quotes: those of the mentions events cite.
  const cited = [...new Set(events.flatMap((event) => event.mentions))];
  const eventQuotes: Record<string, string[]> = {};
  for (let from = 0; from < cited.length; from += 500) {
    const rows = await db
      .selectFrom('spans')
      .select(['mention', 'exact'])
      .where('mention', 'in', cited.slice(from, from + 500))
      .orderBy('mention')
      .orderBy('ordinal')
      .execute();
    for (const row of rows) (eventQuotes[row.mention] ??= []).push(row.exact);
  }
  // The outlets and actors the overview names: its articles', chains' and events'.
  const outletIds = new Set(articles.map((article) => article.outlet));
  const actorIds = new Set<string>();
  for (const cell of cells) {
    for (const step of cell.attribution) {
      for (const node of stepSources(step)) (node.kind === 'outlet' ? outletIds : actorIds).add(node.id);
    }
  }
  for (const event of events) for (const id of event.participants) actorIds.add(id);
  const outlets = (await db.selectFrom('outlets').select(outletColumns).orderBy('rowid').execute())
    .filter((row) => outletIds.has(row.id))
    .map(toOutlet);
  const actors = (await db.selectFrom('actors').select(actorColumns).orderBy('rowid').execute())
    .filter((row) => actorIds.has(row.id))
    .map(toActor);
  return {
    version,
    story,
    outlets,
    actors,
    articles,
    claims,
    cells,
    events,
    topics: [...new Set(claims.map((claim) => claim.topic))],
    counts: {
      articles: articles.length,
      claims: claims.length,
      mentions: cells.length,
      events: events.length,
      passages: await countOf(db, 'passages', storyId),
    },
    ...(await readStoryVersioning(db, storyId)),
    ...(cited.length > 0 ? { eventQuotes } : {}),
  };
}
