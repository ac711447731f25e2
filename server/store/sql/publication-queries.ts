import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  publicationEntrySchema,
  publicationSchema,
  unpublished,
  type Publication,
  type PublicationEntry,
} from '@/domain/schemas';
import type { PublicationStore } from '../publication-store';
import type { Database } from './database-schema';
import type { PublicationAuditTable, PublicationsTable } from './publication-tables';
import { inserted } from './row-codecs';
import { insertMentionRows } from './story-queries';

type Db = Kysely<Database> | Transaction<Database>;

function toPublication(row: Selectable<PublicationsTable>): Publication {
  return publicationSchema.parse({
    claim: row.claim,
    story: row.story,
    state: row.state,
    version: row.version,
    editor: row.editor,
    at: row.at,
    verdictVersion: row.verdict_version,
    firstPublishedAt: row.first_published_at,
  });
}

function toEntry(row: Selectable<PublicationAuditTable>): PublicationEntry {
  return publicationEntrySchema.parse({
    id: row.id,
    claim: row.claim,
    story: row.story,
    version: row.version,
    editor: row.editor,
    at: row.at,
    from: row.from_state,
    to: row.to_state,
    verdictVersion: row.verdict_version,
  });
}

async function readPublication(db: Db, claimId: string): Promise<Publication | null> {
  const claim = await db.selectFrom('claims').select(['id', 'story']).where('id', '=', claimId).executeTakeFirst();
  if (!claim) return null;
  const row = await db.selectFrom('publications').selectAll().where('claim', '=', claimId).executeTakeFirst();
  return row ? toPublication(row) : unpublished(claim.id, claim.story);
}

export function publicationQueries(db: Kysely<Database>): PublicationStore {
  return {
    getPublication: (claimId) => readPublication(db, claimId),

    async updatePublication(update) {
      return db.transaction().execute(async (trx) => {
        const current = await readPublication(trx, update.claimId);
        if (!current) return { kind: 'not_found' } as const;
        if (current.version !== update.expectedVersion) return { kind: 'stale', publication: current } as const;
        const verdict = await trx
          .selectFrom('claims')
          .select('verdict_version')
          .where('id', '=', update.claimId)
          .executeTakeFirstOrThrow();
        const values = {
          state: update.state,
          version: current.version + 1,
          editor: update.editor,
          at: update.at,
          verdict_version: verdict.verdict_version,
          first_published_at: current.firstPublishedAt ?? (update.state === 'published' ? update.at : null),
        };
        // As for verdicts, the version condition makes the change atomic on both engines; the
        // first change inserts the row, and a concurrent first change finds it there.
        const changed =
          current.version === 1 && current.state === 'unpublished' && current.at === null
            ? inserted(
                await trx
                  .insertInto('publications')
                  .values({ claim: current.claim, story: current.story, ...values })
                  .onConflict((oc) => oc.doNothing())
                  .executeTakeFirst(),
              )
            : Number(
                (
                  await trx
                    .updateTable('publications')
                    .set(values)
                    .where('claim', '=', update.claimId)
                    .where('version', '=', update.expectedVersion)
                    .executeTakeFirst()
                ).numUpdatedRows,
              );
        if (changed === 0) {
          const now = await readPublication(trx, update.claimId);
          return now ? ({ kind: 'stale', publication: now } as const) : ({ kind: 'not_found' } as const);
        }
        const entry = await trx
          .insertInto('publication_audit')
          .values({
            claim: current.claim,
            story: current.story,
            version: values.version,
            editor: update.editor,
            at: update.at,
            from_state: current.state,
            to_state: update.state,
            verdict_version: verdict.verdict_version,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const publication = await readPublication(trx, update.claimId);
        if (!publication) return { kind: 'not_found' } as const;
        return { kind: 'updated', publication, entry: toEntry(entry) } as const;
      });
    },

    async listPublicationHistory(claimId) {
      const rows = await db
        .selectFrom('publication_audit')
        .selectAll()
        .where('claim', '=', claimId)
        .orderBy('version')
        .orderBy('id')
        .execute();
      return rows.map(toEntry);
    },

    async listStoryPublications(storyId) {
      const rows = await db
        .selectFrom('publications')
        .selectAll()
        .where('story', '=', storyId)
        .orderBy('claim')
        .execute();
      return rows.map(toPublication);
    },

    async importAnnotations(items) {
      return db
        .transaction()
        .execute(async (trx) => {
          for (const { mention, provenance } of items) {
            if ((await insertMentionRows(trx, mention, provenance.story)) === 0) {
              // Nothing of the import stays: the transaction is rolled back.
              throw new MentionExists(mention.id);
            }
            await trx
              .insertInto('imported_annotations')
              .values({
                mention: provenance.mention,
                story: provenance.story,
                annotation: provenance.annotation,
                creator: provenance.creator,
                created: provenance.created,
                imported_by: provenance.importedBy,
                imported_at: provenance.importedAt,
              })
              .execute();
          }
          return 'added' as const;
        })
        .catch((error: unknown) => {
          if (error instanceof MentionExists) return 'exists' as const;
          throw error;
        });
    },

    async listImportedAnnotations(storyId) {
      const rows = await db
        .selectFrom('imported_annotations')
        .selectAll()
        .where('story', '=', storyId)
        .orderBy('mention')
        .execute();
      return rows.map((row) => ({
        mention: row.mention,
        story: row.story,
        annotation: row.annotation,
        creator: row.creator,
        created: row.created,
        importedBy: row.imported_by,
        importedAt: row.imported_at,
      }));
    },
  };
}

class MentionExists extends Error {
  constructor(readonly mention: string) {
    super(`mention ${mention} exists`);
  }
}
