import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  datePrecisionSchema,
  eventAuditEntrySchema,
  eventFormatSchema,
  eventKindSchema,
  eventStatusSchema,
  storyEventSchema,
  type EventAction,
  type EventAuditEntry,
  type StoryEvent,
  type VersionedEvent,
} from '@/domain/schemas';
import type { EventDeskStore } from '../event-desk-store';
import { appendAudit, EVENT_AUDIT_KIND, toAuditRecord, type AuditRecord } from './audit-writer';
import type { Database, EventsTable } from './database-schema';
import { derivedFromJson, idsFromJson, optionalField, relatedFromJson } from './row-codecs';

type Db = Kysely<Database> | Transaction<Database>;

export const eventColumns = [
  'id',
  'story',
  'title',
  'kind',
  'format',
  'status',
  'date_precision',
  'date_start',
  'date_end',
  'date_basis',
  'date_derived_from',
  'participants',
  'mentions',
  'date_record',
  'related',
  'version',
] as const;

type EventRow = Pick<Selectable<EventsTable>, (typeof eventColumns)[number]>;

export function toVersionedEvent(row: EventRow): VersionedEvent {
  return {
    id: row.id,
    story: row.story,
    title: row.title,
    kind: eventKindSchema.parse(row.kind),
    format: eventFormatSchema.parse(row.format),
    status: eventStatusSchema.parse(row.status),
    date: {
      precision: datePrecisionSchema.parse(row.date_precision),
      start: row.date_start,
      end: row.date_end,
      basis: row.date_basis,
      derivedFrom: row.date_derived_from === null ? null : derivedFromJson.parse(row.date_derived_from),
      ...optionalField('record', row.date_record, String),
    },
    participants: idsFromJson.parse(row.participants),
    mentions: idsFromJson.parse(row.mentions),
    ...optionalField('related', row.related, (text) => relatedFromJson.parse(text)),
    version: Number(row.version),
  };
}

/** The event without its version, as the history records it. */
export function plainEvent({ version: _version, ...event }: VersionedEvent): StoryEvent {
  return event;
}

/** The columns an event's fields are stored in (not its id, story or version). */
function fieldColumns(e: StoryEvent) {
  return {
    title: e.title,
    kind: e.kind,
    format: e.format,
    status: e.status,
    date_precision: e.date.precision,
    date_start: e.date.start,
    date_end: e.date.end,
    date_basis: e.date.basis,
    date_derived_from: e.date.derivedFrom ? JSON.stringify(e.date.derivedFrom) : null,
    participants: JSON.stringify(e.participants),
    mentions: JSON.stringify(e.mentions),
    date_record: e.date.record ?? null,
    related: e.related && e.related.length > 0 ? JSON.stringify(e.related) : null,
  };
}

const eventJson = (value: unknown) => (value === null ? null : storyEventSchema.parse(value));

function toAuditEntry(record: AuditRecord): EventAuditEntry {
  return eventAuditEntrySchema.parse({
    id: record.id,
    event: record.objectId,
    story: record.story,
    version: record.version,
    action: record.action,
    editor: record.editor,
    at: record.at,
    from: eventJson(record.before),
    to: eventJson(record.after),
  });
}

/** An event's entries in the history. */
const eventEntries = (db: Db, id: string) =>
  db.selectFrom('audit').where('object_kind', '=', EVENT_AUDIT_KIND).where('object_id', '=', id);

const readEvent = async (db: Db, id: string) => {
  const row = await db.selectFrom('events').select(eventColumns).where('id', '=', id).executeTakeFirst();
  return row ? toVersionedEvent(row) : null;
};

const lastEntry = async (db: Db, id: string) => {
  const row = await eventEntries(db, id)
    .selectAll()
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toAuditRecord(row) : undefined;
};

async function audit(
  db: Db,
  entry: {
    event: string;
    story: string;
    version: number;
    action: EventAction;
    editor: string;
    at: string;
    from: StoryEvent | null;
    to: StoryEvent | null;
  },
) {
  const { event, from, to, ...rest } = entry;
  return toAuditEntry(
    await appendAudit(db, { ...rest, kind: EVENT_AUDIT_KIND, objectId: event, before: from, after: to }),
  );
}

/** The version a removed event's removal has, or null when the event was never removed. */
async function removedVersion(db: Db, id: string): Promise<number | null> {
  const last = await lastEntry(db, id);
  return last?.action === 'removed' ? Number(last.version) : null;
}

/** Stale or not found, as the event now stands. */
async function refusal(db: Db, id: string) {
  const current = await readEvent(db, id);
  if (current) return { kind: 'stale', current, version: current.version } as const;
  const version = await removedVersion(db, id);
  return version === null ? ({ kind: 'not_found' } as const) : ({ kind: 'stale', current: null, version } as const);
}

export function eventQueries(db: Kysely<Database>): EventDeskStore {
  return {
    async getEvent(eventId) {
      return readEvent(db, eventId);
    },

    async createEvent({ event, editor, at }) {
      return db.transaction().execute(async (trx) => {
        const taken =
          (await trx.selectFrom('events').select('id').where('id', '=', event.id).executeTakeFirst()) ??
          (await eventEntries(trx, event.id).select('object_id').executeTakeFirst());
        if (taken) return { kind: 'exists' } as const;
        const row = await trx
          .insertInto('events')
          .values({ id: event.id, story: event.story, ...fieldColumns(event), version: 1 })
          .returning(eventColumns)
          .executeTakeFirstOrThrow();
        const value = toVersionedEvent(row);
        const entry = await audit(trx, {
          event: event.id,
          story: event.story,
          version: 1,
          action: 'created',
          editor,
          at,
          from: null,
          to: plainEvent(value),
        });
        return { kind: 'created', value, entry } as const;
      });
    },

    async updateEvent({ id, expectedVersion, event, editor, at }) {
      return db.transaction().execute(async (trx) => {
        const current = await readEvent(trx, id);
        if (!current || current.version !== expectedVersion) return refusal(trx, id);
        // The version condition keeps concurrent changes of one event apart on both engines.
        const row = await trx
          .updateTable('events')
          .set((eb) => ({ ...fieldColumns(event), version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .returning(eventColumns)
          .executeTakeFirst();
        if (!row) return refusal(trx, id);
        const value = toVersionedEvent(row);
        const entry = await audit(trx, {
          event: id,
          story: current.story,
          version: value.version,
          action: 'edited',
          editor,
          at,
          from: plainEvent(current),
          to: plainEvent(value),
        });
        return { kind: 'done', value, entry } as const;
      });
    },

    async removeEvent({ id, expectedVersion, editor, at }) {
      return db.transaction().execute(async (trx) => {
        const current = await readEvent(trx, id);
        if (!current || current.version !== expectedVersion) return refusal(trx, id);
        const removed = await trx
          .deleteFrom('events')
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) !== 1) return refusal(trx, id);
        const version = current.version + 1;
        const event = plainEvent(current);
        const entry = await audit(trx, {
          event: id,
          story: current.story,
          version,
          action: 'removed',
          editor,
          at,
          from: event,
          to: null,
        });
        return { kind: 'done', value: { event, version }, entry } as const;
      });
    },

    async restoreEvent({ id, expectedVersion, editor, at }) {
      return db.transaction().execute(async (trx) => {
        const last = await lastEntry(trx, id);
        const existing = await readEvent(trx, id);
        if (existing) return { kind: 'stale', current: existing, version: existing.version } as const;
        if (!last || last.action !== 'removed') return { kind: 'not_found' } as const;
        if (Number(last.version) !== expectedVersion) {
          return { kind: 'stale', current: null, version: Number(last.version) } as const;
        }
        const event = eventJson(last.before);
        if (!event) return { kind: 'not_found' } as const;
        const version = expectedVersion + 1;
        const row = await trx
          .insertInto('events')
          .values({ id, story: event.story, ...fieldColumns(event), version })
          .returning(eventColumns)
          .executeTakeFirstOrThrow();
        const value = toVersionedEvent(row);
        const entry = await audit(trx, {
          event: id,
          story: event.story,
          version,
          action: 'restored',
          editor,
          at,
          from: null,
          to: plainEvent(value),
        });
        return { kind: 'done', value, entry } as const;
      });
    },

    async listEventHistory(eventId) {
      const rows = await eventEntries(db, eventId).selectAll().orderBy('version').orderBy('id').execute();
      return rows.map((row) => toAuditEntry(toAuditRecord(row)));
    },
  };
}
