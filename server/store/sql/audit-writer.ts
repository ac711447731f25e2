import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditTable, Database } from './database-schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The objects whose changes at the desk the one `audit` table records, by the history that lists them. */
export const STORY_AUDIT_KINDS = ['story', 'article'] as const;
export const DESK_AUDIT_KINDS = ['claim', 'mention', 'topic', 'actor'] as const;
export const EVENT_AUDIT_KIND = 'event';

export type AuditObjectKind =
  (typeof STORY_AUDIT_KINDS)[number] | (typeof DESK_AUDIT_KINDS)[number] | typeof EVENT_AUDIT_KIND;

/** One accepted change as it is stored: the object before and after it as JSON values (null: none). */
export type AuditRecord = {
  id: number;
  story: string;
  kind: string;
  objectId: string;
  /** Another object the change touched: the claim a mention belongs to, the claim a merge went into. */
  related: string | null;
  /** The object's version after the change. */
  version: number;
  action: string;
  editor: string;
  at: string;
  before: unknown;
  after: unknown;
  /** The entry this one undid. */
  undoes: number | null;
};

export type AuditInput = Omit<AuditRecord, 'id' | 'kind' | 'related' | 'undoes'> & {
  kind: AuditObjectKind;
  related?: string | null;
  undoes?: number | null;
};

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const parsed = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

/** The one row mapping every history reads through. */
export const toAuditRecord = (row: Selectable<AuditTable>): AuditRecord => ({
  id: Number(row.id),
  story: row.story,
  kind: row.object_kind,
  objectId: row.object_id,
  related: row.related,
  version: Number(row.version),
  action: row.action,
  editor: row.editor,
  at: row.at,
  before: parsed(row.before_json),
  after: parsed(row.after_json),
  undoes: row.undoes === null ? null : Number(row.undoes),
});

/** Appends one entry to the history, in the transaction of the change it records. */
export async function appendAudit(db: Db, entry: AuditInput): Promise<AuditRecord> {
  const row = await db
    .insertInto('audit')
    .values({
      story: entry.story,
      object_kind: entry.kind,
      object_id: entry.objectId,
      related: entry.related ?? null,
      version: entry.version,
      action: entry.action,
      editor: entry.editor,
      at: entry.at,
      before_json: json(entry.before),
      after_json: json(entry.after),
      undoes: entry.undoes ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAuditRecord(row);
}
