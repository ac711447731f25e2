import type { Kysely } from 'kysely';
import { roleSchema } from '@/domain/schemas';
import { currentFailures, throttleDecision, throttleWaitMs, THROTTLE_POLICY } from '../../auth/sign-in-throttle';
import type { Account, AccountStore } from '../store';
import type { Database } from './database-schema';
import type { EngineKind } from './engine';
import { inserted } from './row-codecs';

const accountColumns = ['username', 'role', 'password_hash', 'created_at'] as const;

const toAccount = (row: { username: string; role: string; password_hash: string; created_at: string }): Account => ({
  username: row.username,
  role: roleSchema.parse(row.role),
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

export function accountQueries(db: Kysely<Database>, kind: EngineKind): AccountStore {
  return {
    async createAccount(account) {
      const result = await db
        .insertInto('accounts')
        .values({
          username: account.username,
          role: account.role,
          password_hash: account.passwordHash,
          created_at: account.createdAt,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return inserted(result) === 1 ? 'created' : 'exists';
    },

    async getAccount(username) {
      const row = await db
        .selectFrom('accounts')
        .select(accountColumns)
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toAccount(row) : null;
    },

    async listAccounts() {
      const rows = await db.selectFrom('accounts').select(accountColumns).orderBy('username').execute();
      return rows.map(toAccount).map(({ passwordHash: _hash, ...summary }) => summary);
    },

    async updateAccount(username, changes) {
      const set = {
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.passwordHash ? { password_hash: changes.passwordHash } : {}),
      };
      if (Object.keys(set).length === 0) {
        return (await db.selectFrom('accounts').select('username').where('username', '=', username).executeTakeFirst())
          ? true
          : false;
      }
      const result = await db.updateTable('accounts').set(set).where('username', '=', username).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteAccount(username) {
      // Sessions go with it (ON DELETE CASCADE); audit entries keep the name as written.
      const result = await db.deleteFrom('accounts').where('username', '=', username).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          username: session.username,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async findSession(tokenHash, now) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('accounts as a', 'a.username', 's.username')
        .select(['a.username', 'a.role', 's.expires_at'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now)
        .executeTakeFirst();
      return row ? { username: row.username, role: roleSchema.parse(row.role), expiresAt: row.expires_at } : null;
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteSessionsOf(username) {
      const result = await db.deleteFrom('sessions').where('username', '=', username).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpiredSessions(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async takeSignInAttempt(rules, now) {
      const keys = rules.map((rule) => rule.key);
      return db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('sign_in_throttle')
          .where('last_at', '<', now - THROTTLE_POLICY.forgetAfterMs)
          .execute();
        // Every key gets a row first, so that on PostgreSQL the rows can be locked: parallel
        // attempts on one key then count one after another. SQLite's BEGIN IMMEDIATE already
        // serializes the whole transaction.
        await trx
          .insertInto('sign_in_throttle')
          .values(keys.map((key) => ({ key, failures: 0, last_at: now })))
          .onConflict((oc) => oc.doNothing())
          .execute();
        const rows = await trx
          .selectFrom('sign_in_throttle')
          .select(['key', 'failures', 'last_at'])
          .where('key', 'in', keys)
          .$if(kind === 'postgres', (qb) => qb.forUpdate())
          .execute();
        const states = new Map(rows.map((row) => [row.key, { failures: row.failures, lastAt: row.last_at }]));
        const decision = throttleDecision(rules.map((rule) => throttleWaitMs(states.get(rule.key) ?? null, rule, now)));
        if (!decision.allowed) return decision;
        for (const key of keys) {
          await trx
            .updateTable('sign_in_throttle')
            .set({ failures: currentFailures(states.get(key) ?? null, now) + 1, last_at: now })
            .where('key', '=', key)
            .execute();
        }
        return decision;
      });
    },

    async settleSignInAttempt({ reset, forgive }) {
      await db.transaction().execute(async (trx) => {
        if (reset.length > 0) await trx.deleteFrom('sign_in_throttle').where('key', 'in', reset).execute();
        if (forgive.length > 0) {
          await trx
            .updateTable('sign_in_throttle')
            .set((eb) => ({ failures: eb('failures', '-', 1) }))
            .where('key', 'in', forgive)
            .where('failures', '>', 0)
            .execute();
        }
      });
    },
  };
}
