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

  it('keeps the desk history of stories, claims and events whatever SQL is sent', async () => {
    store = await testStore(engine);
    await store.seed(fixtureCorpus());
    const by = { editor: 'alice', at: '2024-05-01T10:00:00.000Z' };
    await store.createStory({ id: 'new-story', title: 'New', summary: 'A new story.' }, by);
    await store.editClaim({ id: 'deal', expectedVersion: 1, text: 'A deal was signed.' }, by);
    const event = (await store.getStoryBundle('fixture-story'))!.events[0]!;
    const current = (await store.getEvent(event.id))!;
    await store.removeEvent({ id: event.id, expectedVersion: current.version, ...by });
    const kinds = await store.sql.db.selectFrom('audit').select('object_kind').orderBy('id').execute();
    expect(kinds.map((row) => row.object_kind)).toEqual(['story', 'claim', 'event']);
    await refuses("UPDATE audit SET editor = 'mallory'", /cannot be changed/);
    await refuses("UPDATE audit SET after_json = NULL WHERE object_kind = 'event'", /cannot be changed/);
    await refuses('DELETE FROM audit', /cannot be deleted/);
    await refuses("DELETE FROM audit WHERE object_kind = 'claim'", /cannot be deleted/);
    if (engine === 'postgres') await refuses('TRUNCATE audit', /cannot be deleted/);
    expect(await store.listStoryAudit('new-story')).toEqual([expect.objectContaining({ editor: 'alice' })]);
    expect(await store.listDeskEdits('claim', 'deal')).toEqual([expect.objectContaining({ editor: 'alice' })]);
    expect(await store.listEventHistory(event.id)).toEqual([expect.objectContaining({ action: 'removed' })]);
  });
});
