import type { Store } from '../store';
import { accountQueries } from './account-queries';
import { archiveQueries } from './archive-queries';
import { articleVersionQueries } from './article-version-queries';
import { changeLogQueries } from './change-log-queries';
import { eventQueries } from './event-queries';
import { claimDeskQueries } from './claim-desk-queries';
import type { SqlEngine } from './engine';
import { publicationQueries } from './publication-queries';
import { securityLogQueries } from './security-log-queries';
import { storyDeskQueries } from './story-desk-queries';
import { storyOverviewQueries } from './story-overview-queries';
import { storyQueries } from './story-queries';
import { storyVersionQueries } from './story-version-queries';
import { verdictQueries } from './verdict-queries';

export type SqlStore = Store & { readonly sql: SqlEngine };

/**
 * The store over either engine: each concern's queries are written once, against the typed
 * query builder. A new store method is added to its concern's file and its interface in
 * store.ts, and both engines have it. This file imports no database driver (engine.ts does),
 * so the static edition's browser bundle uses it over SQLite compiled to WebAssembly.
 */
export function sqlStore(engine: SqlEngine): SqlStore {
  return {
    engine: engine.kind,
    sql: engine,
    ...storyQueries(engine.db),
    ...verdictQueries(engine.db),
    ...accountQueries(engine.db, engine.kind),
    ...securityLogQueries(engine.db),
    ...changeLogQueries(engine.db, engine),
    ...archiveQueries(engine.db),
    ...eventQueries(engine.db),
    ...storyVersionQueries(engine.db),
    ...claimDeskQueries(engine.db),
    ...storyDeskQueries(engine.db),
    ...publicationQueries(engine.db),
    ...storyOverviewQueries(engine.db),
    ...articleVersionQueries(engine.db),
    close: () => engine.close(),
  };
}
