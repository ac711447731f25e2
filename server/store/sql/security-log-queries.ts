import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { securityEventKindSchema, type SecurityLogStore } from '../store';
import type { Database } from './database-schema';

/** What the log keeps of client-chosen text: enough to recognize a request, not enough to fill a disk. */
export const SECURITY_LOG_LIMITS = { detail: 300, username: 100, address: 100 } as const;

const cut = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);
const cutOrNull = (text: string | null, limit: number) => (text === null ? null : cut(text, limit));

export function securityLogQueries(db: Kysely<Database>): SecurityLogStore {
  return {
    async logSecurityEvent({ aggregateMs, ...event }) {
      const row = {
        at: event.at,
        kind: event.kind,
        username: cutOrNull(event.username, SECURITY_LOG_LIMITS.username),
        address: cutOrNull(event.address, SECURITY_LOG_LIMITS.address),
        detail: cut(event.detail, SECURITY_LOG_LIMITS.detail),
      };
      if (!aggregateMs) {
        await db.insertInto('security_log').values(row).execute();
        return;
      }
      const window = Math.floor(Date.parse(event.at) / aggregateMs);
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([row.kind, row.username, row.address, row.detail, aggregateMs, window]))
        .digest('base64url')
        .slice(0, 22);
      // One statement, atomic on both engines: the first of a window inserts, the rest count.
      await db
        .insertInto('security_log')
        .values({ ...row, fingerprint })
        .onConflict((oc) =>
          oc.column('fingerprint').doUpdateSet((eb) => ({
            occurrences: eb('security_log.occurrences', '+', 1),
            last_at: eb.ref('excluded.at'),
          })),
        )
        .execute();
    },

    async listSecurityEvents() {
      const rows = await db
        .selectFrom('security_log')
        .select(['id', 'at', 'kind', 'username', 'address', 'detail', 'occurrences', 'last_at'])
        .orderBy('id')
        .execute();
      return rows.map(({ last_at, kind, ...row }) => ({
        ...row,
        kind: securityEventKindSchema.parse(kind),
        lastAt: last_at ?? row.at,
      }));
    },

    async pruneSecurityLog({ cutoff, at, by }) {
      if (cutoff > at) throw new Error('a prune cutoff cannot lie in the future');
      return db.transaction().execute(async (trx) => {
        const { n } = await trx
          .selectFrom('security_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) => eb(eb.fn.coalesce('last_at', 'at'), '<', cutoff))
          .executeTakeFirstOrThrow();
        const removed = Number(n);
        // The record comes first: the database lets entries go only up to a recorded cutoff.
        await trx.insertInto('security_log_prunes').values({ at, cutoff, removed, pruned_by: by }).execute();
        await trx
          .deleteFrom('security_log')
          .where((eb) => eb(eb.fn.coalesce('last_at', 'at'), '<', cutoff))
          .execute();
        await trx
          .insertInto('security_log')
          .values({
            at,
            kind: 'log_pruned',
            username: cut(by, SECURITY_LOG_LIMITS.username),
            address: null,
            detail: `removed ${removed} entries last seen before ${cutoff}`,
          })
          .execute();
        return removed;
      });
    },

    async listSecurityLogPrunes() {
      const rows = await db
        .selectFrom('security_log_prunes')
        .select(['at', 'cutoff', 'removed', 'pruned_by'])
        .orderBy('id')
        .execute();
      return rows.map(({ pruned_by, ...row }) => ({ ...row, by: pruned_by }));
    },
  };
}
