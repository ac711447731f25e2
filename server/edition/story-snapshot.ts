import type { Store } from '../store/store';
import { openSqliteStore } from '../store/sql/sql-store';

/**
 * One story of a store as a SQLite database of its own, in bytes: its coverage, verdicts,
 * their history and publications, and nothing else (no accounts, sessions or security log).
 */
export async function snapshotStory(source: Store, storyId: string): Promise<Uint8Array> {
  const bundle = await source.getStoryBundle(storyId);
  if (!bundle) throw new Error(`no story "${storyId}"`);
  const articles = await source.listStoryArticles(storyId);
  const target = await openSqliteStore(':memory:');
  try {
    await target.seed({
      outlets: bundle.outlets,
      actors: bundle.actors,
      stories: [
        {
          story: bundle.story,
          articles,
          claims: bundle.claims,
          mentions: bundle.mentions,
          events: bundle.events,
          passages: bundle.passages,
        },
      ],
    });
    const db = target.sql.db;
    for (const claim of bundle.claims) {
      for (const entry of await source.listVerdictHistory(claim.id)) {
        await db
          .insertInto('verdict_audit')
          .values({
            claim: entry.claim,
            story: entry.story,
            version: entry.version,
            editor: entry.editor,
            at: entry.at,
            from_status: entry.from.status,
            from_note: entry.from.note,
            from_evidence: JSON.stringify(entry.from.evidence),
            to_status: entry.to.status,
            to_note: entry.to.note,
            to_evidence: JSON.stringify(entry.to.evidence),
          })
          .execute();
      }
      for (const entry of await source.listPublicationHistory(claim.id)) {
        await db
          .insertInto('publication_audit')
          .values({
            claim: entry.claim,
            story: entry.story,
            version: entry.version,
            editor: entry.editor,
            at: entry.at,
            from_state: entry.from,
            to_state: entry.to,
            verdict_version: entry.verdictVersion,
          })
          .execute();
      }
    }
    for (const p of await source.listStoryPublications(storyId)) {
      await db
        .insertInto('publications')
        .values({
          claim: p.claim,
          story: p.story,
          state: p.state,
          version: p.version,
          editor: p.editor,
          at: p.at,
          verdict_version: p.verdictVersion,
          first_published_at: p.firstPublishedAt,
        })
        .execute();
    }
    const sqlite = target.sql.sqlite;
    if (!sqlite) throw new Error('a snapshot is written by SQLite');
    sqlite.pragma('journal_mode = DELETE');
    return new Uint8Array(sqlite.serialize());
  } finally {
    await target.close();
  }
}
