import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import {
  auditEntrySchema,
  evidenceChangeKindSchema,
  spanAnchorSchema,
  type ArticleUpdate,
  type ArticleVersionSummary,
  type EvidenceChangeKind,
  type EvidenceFlag,
  type Furniture,
  type SpanAnchor,
  type SpanChange,
} from '@/domain/schemas';
import { findSharedPassages } from '@/domain/shared-passages';
import { createReanchorer } from '@/domain/span-reanchoring';
import type { ArticleVersionStore } from '../article-version-store';
import { verdictContentOf } from '../store';
import type { ArticleVersionsTable, Database } from './database-schema';
import { evidenceFromJson, furnitureFromJson, jsonOrNull, rangesFromJson } from './row-codecs';
import { claimColumns, toClaim } from './verdict-queries';

type Db = Kysely<Database> | Transaction<Database>;

const anchorFromJson = z.string().transform((text) => z.parse(spanAnchorSchema, JSON.parse(text)));
const anchorOf = (span: SpanAnchor): SpanAnchor => ({
  start: span.start,
  end: span.end,
  exact: span.exact,
  prefix: span.prefix,
  suffix: span.suffix,
});

const toSummary = (row: Omit<Selectable<ArticleVersionsTable>, 'paragraphs' | 'sentences'>): ArticleVersionSummary => ({
  article: row.article,
  version: row.version,
  title: row.title,
  editor: row.editor,
  at: row.at,
  characters: row.body.length,
  spans: { kept: row.kept, changed: row.changed, unanchored: row.unanchored },
});

const summaryColumns = [
  'article',
  'version',
  'story',
  'title',
  'body',
  'editor',
  'at',
  'kept',
  'changed',
  'unanchored',
] as const;

/** The first version as the articles table holds it, before any other was stored. */
async function firstVersionOf(db: Db, articleId: string) {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'story', 'title', 'body', 'paragraphs', 'sentences', 'text_version as version'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!row) return null;
  const { n } = await db
    .selectFrom('spans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article', '=', articleId)
    .executeTakeFirstOrThrow();
  return {
    row,
    version: {
      article: row.id,
      version: 1,
      story: row.story,
      title: row.title,
      body: row.body,
      paragraphs: row.paragraphs,
      sentences: row.sentences,
      editor: null,
      at: null,
      kept: Number(n),
      changed: 0,
      unanchored: 0,
    },
  };
}

function toSpanChange(row: Selectable<Database['span_changes']>): SpanChange {
  return {
    article: row.article,
    version: row.version,
    mention: row.mention,
    claim: row.claim,
    status: row.status === 'changed' ? 'changed' : 'unanchored',
    before: anchorFromJson.parse(row.before_anchor),
    after: row.after_anchor === null ? null : anchorFromJson.parse(row.after_anchor),
  };
}

/** Furniture ranges follow the text as evidence does; a caption no longer found is dropped. */
function reanchorFurniture(
  furniture: readonly Furniture[],
  oldBody: string,
  reanchor: ReturnType<typeof createReanchorer>['reanchor'],
) {
  return furniture.flatMap((item) => {
    const exact = oldBody.slice(item.start, item.end);
    if (!exact) return [];
    const result = reanchor({
      start: item.start,
      end: item.end,
      exact,
      prefix: oldBody.slice(Math.max(0, item.start - 32), item.start),
      suffix: oldBody.slice(item.end, item.end + 32),
    });
    return result.status === 'unanchored' ? [] : [{ ...item, start: result.anchor.start, end: result.anchor.end }];
  });
}

/** Records that a mention of a claim changed its evidence (or is new coverage), for the claim's flag. */
export async function recordEvidenceChange(
  db: Db,
  change: {
    claim: string;
    story: string;
    kind: EvidenceChangeKind;
    mention: string;
    article: string;
    articleVersion: number | null;
    at: string;
  },
) {
  await db
    .insertInto('evidence_changes')
    .values({
      claim: change.claim,
      story: change.story,
      kind: change.kind,
      mention: change.mention,
      article: change.article,
      article_version: change.articleVersion,
      at: change.at,
    })
    .execute();
}

/**
 * What the story bundle adds about versions: the articles updated since first stored, and the
 * claims whose evidence changed after their verdict and has not been reviewed since.
 */
export async function readStoryVersioning(
  db: Db,
  storyId: string,
): Promise<{ articleUpdates?: ArticleUpdate[]; evidenceFlags?: EvidenceFlag[] }> {
  const versions = await db
    .selectFrom('article_versions')
    .select(['article', 'version', 'at'])
    .where('story', '=', storyId)
    .where('version', '>', 1)
    .orderBy('article')
    .orderBy('version')
    .execute();
  const unanchored = await db
    .selectFrom('span_changes')
    .select(['article'])
    .where('story', '=', storyId)
    .where('status', '=', 'unanchored')
    .execute();
  const latest = new Map<string, ArticleUpdate>();
  for (const row of versions) {
    if (row.at === null) continue;
    latest.set(row.article, { article: row.article, version: row.version, at: row.at, unanchored: 0 });
  }
  for (const row of unanchored) {
    const update = latest.get(row.article);
    if (update) update.unanchored += 1;
  }

  const changes = await db
    .selectFrom('evidence_changes as e')
    .innerJoin('claims as c', 'c.id', 'e.claim')
    .select(['e.id', 'e.claim', 'e.kind', 'e.mention', 'e.at'])
    .where('e.story', '=', storyId)
    .where('c.verdict_at', 'is not', null)
    .whereRef('e.id', '>', 'c.evidence_reviewed_through')
    .whereRef('e.at', '>', 'c.verdict_at')
    .orderBy('e.id')
    .execute();
  const flags = new Map<string, EvidenceFlag>();
  for (const row of changes) {
    const flag = flags.get(row.claim) ?? { claim: row.claim, since: row.at, kinds: [], mentions: [] };
    const kind = evidenceChangeKindSchema.parse(row.kind);
    if (!flag.kinds.includes(kind)) flag.kinds.push(kind);
    if (!flag.mentions.includes(row.mention)) flag.mentions.push(row.mention);
    flags.set(row.claim, flag);
  }
  return {
    ...(latest.size > 0 ? { articleUpdates: [...latest.values()] } : {}),
    ...(flags.size > 0 ? { evidenceFlags: [...flags.values()] } : {}),
  };
}

export function articleVersionQueries(db: Kysely<Database>): ArticleVersionStore {
  return {
    async addArticleVersion(input) {
      return db.transaction().execute(async (trx) => {
        const first = await firstVersionOf(trx, input.articleId);
        if (!first) return { kind: 'not_found' } as const;
        const current = first.row;
        if (current.version !== input.expectedVersion) return { kind: 'stale', current: current.version } as const;
        if (current.body === input.body && current.title === input.title) {
          return { kind: 'unchanged', current: current.version } as const;
        }
        if (current.version === 1) {
          const existing = await trx
            .selectFrom('article_versions')
            .select('version')
            .where('article', '=', input.articleId)
            .where('version', '=', 1)
            .executeTakeFirst();
          if (!existing) await trx.insertInto('article_versions').values(first.version).execute();
        }
        const version = current.version + 1;
        const story = current.story;

        // Re-anchor every span of the article, in mention and span order.
        const spanRows = await trx
          .selectFrom('spans as s')
          .innerJoin('mentions as m', 'm.id', 's.mention')
          .select(['s.mention', 's.ordinal', 's.start', 's.end', 's.exact', 's.prefix', 's.suffix', 'm.claim'])
          .where('s.article', '=', input.articleId)
          .orderBy('s.mention')
          .orderBy('s.ordinal')
          .execute();
        const reanchorer = createReanchorer(current.body, input.body);
        const counts = { kept: 0, changed: 0, unanchored: 0 };
        const changes: SpanChange[] = [];
        const touchedClaims = new Map<string, EvidenceChangeKind>();
        for (const row of spanRows) {
          const before = anchorOf(row);
          const result = reanchorer.reanchor(before);
          counts[result.status] += 1;
          const where = trx.updateTable('spans').where('mention', '=', row.mention).where('ordinal', '=', row.ordinal);
          if (result.status === 'unanchored') {
            await trx
              .deleteFrom('spans')
              .where('mention', '=', row.mention)
              .where('ordinal', '=', row.ordinal)
              .execute();
          } else {
            const { start, end, exact, prefix, suffix } = result.anchor;
            await where.set({ start, end, exact, prefix, suffix }).execute();
          }
          if (result.status === 'kept') continue;
          const change: SpanChange = {
            article: input.articleId,
            version,
            mention: row.mention,
            claim: row.claim,
            status: result.status,
            before,
            after: result.status === 'changed' ? result.anchor : null,
          };
          changes.push(change);
          await trx
            .insertInto('span_changes')
            .values({
              article: change.article,
              version,
              story,
              mention: change.mention,
              claim: change.claim,
              ordinal: row.ordinal,
              status: change.status,
              before_anchor: JSON.stringify(change.before),
              after_anchor: jsonOrNull(change.after ?? undefined),
            })
            .execute();
          await recordEvidenceChange(trx, {
            claim: row.claim,
            story,
            kind: result.status,
            mention: row.mention,
            article: input.articleId,
            articleVersion: version,
            at: input.at,
          });
          if (touchedClaims.get(row.claim) !== 'unanchored') touchedClaims.set(row.claim, result.status);
        }

        const furnitureRow = await trx
          .selectFrom('articles')
          .select('furniture')
          .where('id', '=', input.articleId)
          .executeTakeFirstOrThrow();
        const furniture =
          furnitureRow.furniture === null
            ? undefined
            : reanchorFurniture(furnitureFromJson.parse(furnitureRow.furniture), current.body, (span) =>
                reanchorer.reanchor(span),
              );

        const updated = await trx
          .updateTable('articles')
          .set({
            title: input.title,
            body: input.body,
            paragraphs: JSON.stringify(input.paragraphs),
            sentences: JSON.stringify(input.sentences),
            furniture: jsonOrNull(furniture),
            text_version: version,
          })
          .where('id', '=', input.articleId)
          .where('text_version', '=', input.expectedVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new Error(`article ${input.articleId} moved on meanwhile`);
        const versionRow = {
          article: input.articleId,
          version,
          story,
          title: input.title,
          body: input.body,
          paragraphs: JSON.stringify(input.paragraphs),
          sentences: JSON.stringify(input.sentences),
          editor: input.editor,
          at: input.at,
          ...counts,
        };
        await trx.insertInto('article_versions').values(versionRow).execute();

        // Shared passages are a function of all the story's text: recomputed with the new one.
        const articles = await trx
          .selectFrom('articles')
          .select(['id', 'body', 'furniture'])
          .where('story', '=', story)
          .orderBy('rowid')
          .execute();
        const passages = findSharedPassages(
          story,
          articles.map((a) => ({
            id: a.id,
            body: a.body,
            ...(a.furniture === null ? {} : { furniture: furnitureFromJson.parse(a.furniture) }),
          })),
        );
        await trx.deleteFrom('passages').where('story', '=', story).execute();
        for (const p of passages) {
          await trx
            .insertInto('passages')
            .values({ id: p.id, story: p.story, text: p.text, spans: JSON.stringify(p.spans) })
            .execute();
        }

        const flagged = await trx
          .selectFrom('claims')
          .select('id')
          .where('id', 'in', [...touchedClaims.keys(), ''])
          .where('verdict_at', 'is not', null)
          .execute();
        const article = await trx
          .selectFrom('articles')
          .selectAll()
          .where('id', '=', input.articleId)
          .executeTakeFirstOrThrow();
        return {
          kind: 'added',
          article: {
            id: article.id,
            story: article.story,
            outlet: article.outlet,
            title: article.title,
            published: { date: article.published_date, basis: article.published_basis },
            source: { file: article.source_file, url: article.source_url },
            ...(article.provenance === null ? {} : { provenance: article.provenance }),
            ...(furniture === undefined ? {} : { furniture }),
            body: article.body,
            paragraphs: rangesFromJson.parse(article.paragraphs),
            sentences: rangesFromJson.parse(article.sentences),
          },
          version: toSummary(versionRow),
          changes,
          flaggedClaims: flagged.map((row) => row.id),
        } as const;
      });
    },

    async listArticleVersions(articleId) {
      return db.transaction().execute(async (trx) => {
        const first = await firstVersionOf(trx, articleId);
        if (!first) return null;
        const rows = await trx
          .selectFrom('article_versions')
          .select(summaryColumns)
          .where('article', '=', articleId)
          .orderBy('version')
          .execute();
        const changes = await trx
          .selectFrom('span_changes')
          .selectAll()
          .where('article', '=', articleId)
          .orderBy('id')
          .execute();
        return {
          article: articleId,
          current: first.row.version,
          versions: (rows.length > 0 ? rows : [first.version]).map(toSummary),
          changes: changes.map(toSpanChange),
        };
      });
    },

    async getArticleVersion(articleId, version) {
      const row = await db
        .selectFrom('article_versions')
        .select(summaryColumns)
        .where('article', '=', articleId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (row) return { ...toSummary(row), body: row.body };
      if (version !== 1) return null;
      const first = await firstVersionOf(db, articleId);
      if (!first || first.row.version !== 1) return null;
      return { ...toSummary(first.version), body: first.version.body };
    },

    async reviewEvidence(review) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('claims')
          .select([...claimColumns, 'evidence_reviewed_through'])
          .where('id', '=', review.claimId)
          .executeTakeFirst();
        if (!row) return { kind: 'not_found' } as const;
        const claim = toClaim(row);
        if (claim.verdict.version !== review.expectedVersion) return { kind: 'stale', claim } as const;
        const pending = await trx
          .selectFrom('evidence_changes')
          .select((eb) => eb.fn.max('id').as('last'))
          .where('claim', '=', review.claimId)
          .where('id', '>', row.evidence_reviewed_through)
          .where('at', '>', row.verdict_at ?? '\uffff')
          .executeTakeFirst();
        const last = pending?.last === null || pending?.last === undefined ? null : Number(pending.last);
        if (last === null) return { kind: 'nothing_to_review', claim } as const;
        const updated = await trx
          .updateTable('claims')
          .set((eb) => ({ evidence_reviewed_through: last, verdict_version: eb('verdict_version', '+', 1) }))
          .where('id', '=', review.claimId)
          .where('verdict_version', '=', review.expectedVersion)
          .returning(claimColumns)
          .executeTakeFirst();
        if (!updated) return { kind: 'stale', claim } as const;
        const content = verdictContentOf(claim);
        const entry = await trx
          .insertInto('verdict_audit')
          .values({
            claim: claim.id,
            story: claim.story,
            version: claim.verdict.version + 1,
            editor: review.editor,
            at: review.at,
            from_status: content.status,
            from_note: content.note,
            from_evidence: JSON.stringify(content.evidence),
            to_status: content.status,
            to_note: content.note,
            to_evidence: JSON.stringify(content.evidence),
            action: 'evidence_reviewed',
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return {
          kind: 'reviewed',
          claim: toClaim(updated),
          entry: auditEntrySchema.parse({
            id: entry.id,
            claim: entry.claim,
            story: entry.story,
            version: entry.version,
            editor: entry.editor,
            at: entry.at,
            from: content,
            to: { ...content, evidence: evidenceFromJson.parse(entry.to_evidence) },
            action: 'evidence_reviewed',
          }),
        } as const;
      });
    },
  };
}
