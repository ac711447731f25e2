import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture-corpus';
import { STORE_ENGINES, testStore } from '../store-test-kit';
import type { SqlStore } from './sql-store';

describe.each(STORE_ENGINES)('%s refuses changes to the history, itself', (engine) => {
  let store: SqlStore;
  afterEach(async () => {
    await store.close();
  });

  const refuses = async (statement: string, message: RegExp) =>
    expect(sql.raw(statement).execute(store.sql.db)).rejects.toThrow(message);

  it('keeps verdict audit entries and security log entries whatever SQL is sent', async () => {
    store = await testStore(engine);
    await store.seed(fixtureCorpus());
    await store.updateVerdict({
      claimId: 'deal',
      expectedVersion: 1,
      content: { status: 'false', note: 'No deal.', evidence: [] },
      editor: 'alice',
      at: '2024-05-01T10:00:00.000Z',
    });
    const at = new Date().toISOString();
    await store.logSecurityEvent({ kind: 'sign_in_failed', at, username: 'x', address: null, detail: 'd' });
    await refuses("UPDATE verdict_audit SET editor = 'mallory'", /cannot be changed/);
    await refuses('DELETE FROM verdict_audit', /cannot be deleted/);
    await refuses("UPDATE security_log SET detail = ''", /cannot be changed/);
    await refuses('DELETE FROM security_log', /cannot be deleted/);
    await refuses(
      "INSERT INTO security_log_prunes (at, cutoff, removed, pruned_by) VALUES ('a', 'b', 0, 'x')",
      /CHECK|check/,
    );
    if (engine === 'postgres') {
      await refuses('TRUNCATE verdict_audit', /cannot be deleted/);
      await refuses('TRUNCATE security_log_prunes', /cannot be deleted/);
    }
    expect(await store.listVerdictHistory('deal')).toEqual([expect.objectContaining({ editor: 'alice' })]);
    expect(await store.listSecurityEvents()).toEqual([expect.objectContaining({ detail: 'd' })]);
  });
});
