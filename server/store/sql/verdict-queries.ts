import type { Kysely, Selectable, Transaction } from 'kysely';
import { auditEntrySchema, verdictStatusSchema, type AuditEntry, type Claim } from '@/domain/schemas';
import { verdictContentOf, type VerdictStore } from '../store';
import type { ClaimsTable, Database, VerdictAuditTable } from './database-schema';
import { evidenceFromJson, inserted, optionalField } from './row-codecs';

type Db = Kysely<Database> | Transaction<Database>;

export const claimColumns = [
  'id',
  'story',
  'text',
  'topic',
  'verdict_status',
  'verdict_note',
  'verdict_evidence',
  'verdict_editor',
  'verdict_at',
  'verdict_version',
  'basis',
] as const;

export function toClaim(row: Pick<Selectable<ClaimsTable>, (typeof claimColumns)[number]>): Claim {
  return {
    id: row.id,
    story: row.story,
    text: row.text,
    topic: row.topic,
    verdict: {
      status: verdictStatusSchema.parse(row.verdict_status),
      note: row.verdict_note,
      evidence: evidenceFromJson.parse(row.verdict_evidence),
      editor: row.verdict_editor,
      at: row.verdict_at,
      version: row.verdict_version,
    },
    ...optionalField('basis', row.basis, String),
  };
}

function toAuditEntry(row: Selectable<VerdictAuditTable>): AuditEntry {
  return auditEntrySchema.parse({
    id: row.id,
    claim: row.claim,
    story: row.story,
    version: row.version,
    editor: row.editor,
    at: row.at,
    from: { status: row.from_status, note: row.from_note, evidence: evidenceFromJson.parse(row.from_evidence) },
    to: { status: row.to_status, note: row.to_note, evidence: evidenceFromJson.parse(row.to_evidence) },
    ...(row.action === null ? {} : { action: row.action }),
    ...(row.conflict_version === null || row.conflict_version === undefined
      ? {}
      : { conflictWith: row.conflict_version }),
  });
}

/** Adds a claim unless its id exists; 1 when added. */
export async function insertClaimRow(db: Db, c: Claim) {
  const result = await db
    .insertInto('claims')
    .values({
      id: c.id,
      story: c.story,
      text: c.text,
      topic: c.topic,
      verdict_status: c.verdict.status,
      verdict_note: c.verdict.note,
      verdict_evidence: JSON.stringify(c.verdict.evidence ?? []),
      verdict_editor: c.verdict.editor,
      verdict_at: c.verdict.at,
      verdict_version: c.verdict.version,
      basis: c.basis ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return inserted(result);
}

/** A live claim: not merged into another, not removed. */
const readClaim = (db: Db, claimId: string) =>
  db
    .selectFrom('claims')
    .select(claimColumns)
    .where('id', '=', claimId)
    .where('merged_into', 'is', null)
    .where('removed_at', 'is', null)
    .executeTakeFirst();

export function verdictQueries(db: Kysely<Database>): VerdictStore {
  return {
    async getClaim(claimId) {
      const row = await readClaim(db, claimId);
      return row ? toClaim(row) : null;
    },

    async listClaimMentionIds(claimId) {
      const rows = await db.selectFrom('mentions').select('id').where('claim', '=', claimId).orderBy('rowid').execute();
      return rows.map((row) => row.id);
    },

    async updateVerdict(update) {
      return db.transaction().execute(async (trx) => {
        const row = await readClaim(trx, update.claimId);
        if (!row) return { kind: 'not_found' } as const;
        const current = toClaim(row);
        if (current.verdict.version !== update.expectedVersion) return { kind: 'stale', claim: current } as const;
        // The version condition makes the change atomic on both engines: on SQLite the
        // transaction already holds the write lock; on PostgreSQL a concurrent change of the
        // same row makes this one wait, then find the version moved on and change nothing.
        const updated = await trx
          .updateTable('claims')
          .set((eb) => ({
            verdict_status: update.content.status,
            verdict_note: update.content.note,
            verdict_evidence: JSON.stringify(update.content.evidence),
            verdict_editor: update.editor,
            verdict_at: update.at,
            verdict_version: eb('verdict_version', '+', 1),
          }))
          .where('id', '=', update.claimId)
          .where('verdict_version', '=', update.expectedVersion)
          .returning(claimColumns)
          .executeTakeFirst();
        if (!updated) {
          const now = await readClaim(trx, update.claimId);
          return now ? ({ kind: 'stale', claim: toClaim(now) } as const) : ({ kind: 'not_found' } as const);
        }
        const from = verdictContentOf(current);
        const entry = await trx
          .insertInto('verdict_audit')
          .values({
            claim: current.id,
            story: current.story,
            version: current.verdict.version + 1,
            editor: update.editor,
            at: update.at,
            from_status: from.status,
            from_note: from.note,
            from_evidence: JSON.stringify(from.evidence),
            to_status: update.content.status,
            to_note: update.content.note,
            to_evidence: JSON.stringify(update.content.evidence),
            ...(update.conflictWith === undefined ? {} : { conflict_version: update.conflictWith }),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { kind: 'updated', claim: toClaim(updated), entry: toAuditEntry(entry) } as const;
      });
    },

    async listVerdictHistory(claimId) {
      const rows = await db
        .selectFrom('verdict_audit')
        .selectAll()
        .where('claim', '=', claimId)
        .orderBy('version')
        .orderBy('id')
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}
