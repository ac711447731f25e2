import { sql, type Kysely } from 'kysely';
import type { ChangeLogStore } from '../store';
import type { Database } from './database-schema';
import type { SqlEngine } from './engine';

/** How long a change stays readable for a process that was notified of it. */
const CHANGE_LOG_KEEP_MS = 10 * 60_000;

export function changeLogQueries(db: Kysely<Database>, engine: SqlEngine): ChangeLogStore {
  const { notifications } = engine;
  return {
    async appendChange(payload, at) {
      if (!notifications) return;
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('change_log')
          .where('at', '<', at - CHANGE_LOG_KEEP_MS)
          .execute();
        const { id } = await trx
          .insertInto('change_log')
          .values({ at, payload })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Sent when the transaction commits, in commit order; the id stays well inside NOTIFY's limit.
        await sql`SELECT pg_notify(${notifications.channel}, ${String(id)})`.execute(trx);
      });
    },

    async listenForChanges(onChange) {
      if (!notifications) return null;
      return notifications.listen(async (id) => {
        const row = await db.selectFrom('change_log').select('payload').where('id', '=', Number(id)).executeTakeFirst();
        if (row) onChange(row.payload);
      });
    },
  };
}
