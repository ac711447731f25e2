import type { Kysely } from 'kysely';
import type { StoryVersionStore } from '../story-version-store';
import type { Database } from './database-schema';

export function storyVersionQueries(db: Kysely<Database>): StoryVersionStore {
  const versionOf = async (storyId: string) => {
    const row = await db
      .selectFrom('story_versions')
      .select(['epoch', 'version'])
      .where('story', '=', storyId)
      .executeTakeFirst();
    if (row) return { epoch: row.epoch, version: Number(row.version) };
    // A story stored before versions were kept, and never changed since.
    const story = await db.selectFrom('stories').select('id').where('id', '=', storyId).executeTakeFirst();
    return story ? { epoch: 'initial', version: 0 } : null;
  };
  return {
    getStoryVersion: versionOf,

    async listStoryChanges(storyId, since, limit) {
      return db.transaction().execute(async (trx) => {
        const current = await storyVersionQueries(trx).getStoryVersion(storyId);
        if (!current) return null;
        if (since.epoch !== current.epoch || since.version > current.version) return { kind: 'unknown', current };
        const rows = await trx
          .selectFrom('story_changes')
          .select(['version', 'entity', 'item', 'claim', 'article'])
          .where('story', '=', storyId)
          .where('version', '>', since.version)
          .orderBy('version')
          .limit(limit + 1)
          .execute();
        if (rows.length > limit) return { kind: 'unknown', current };
        const changes = rows.map((row) => ({ ...row, version: Number(row.version) }));
        return { kind: 'changes', current, changes };
      });
    },
  };
}
