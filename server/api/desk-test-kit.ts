import { storyBundleSchema, type StoryBundle } from '@/domain/schemas';
import { DESK_AUDIT_KINDS } from '../store/sql/audit-writer';
import { openSqliteStore } from '../store/sql/sql-store';
import { createTestApi } from './api-test-kit';
import type { FeedEvent } from './change-feed';

export const STORY = 'fixture-story';

type SendOptions = { cookie?: string | null; ifMatch?: string; raw?: boolean };

/**
 * The test API over the fixture story with an editor's and a reader's cookie, and one way to
 * send a change: `send('PATCH', '/api/claims/deal', { text }, { ifMatch: '"1"' })`.
 */
export async function createDeskKit() {
  const store = await openSqliteStore(':memory:');
  const kit = await createTestApi({ store });
  const editor = await kit.signIn('alice');
  const reader = await kit.signIn('rita');
  const published: FeedEvent[] = [];
  kit.changes.subscribe(
    (event) => published.push(event),
    () => {},
  );

  const send = (method: string, path: string, body?: unknown, { cookie = editor, ifMatch, raw }: SendOptions = {}) =>
    Promise.resolve(
      kit.app.request(path, {
        method,
        headers: {
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(cookie ? { Cookie: cookie } : {}),
          ...(ifMatch !== undefined ? { 'If-Match': ifMatch } : {}),
        },
        ...(body !== undefined ? { body: raw && typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      }),
    );

  const bundle = async (): Promise<StoryBundle> =>
    storyBundleSchema.parse(await (await kit.app.request(`/api/stories/${STORY}`)).json());

  /** Every audit entry of the desk's edits, for "exactly one entry per accepted change". */
  const auditCount = async () => {
    const rows = await store.sql.db
      .selectFrom('audit')
      .select('id')
      .where('object_kind', 'in', DESK_AUDIT_KINDS)
      .execute();
    return rows.length;
  };

  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; field?: string; message: string } }).error;

  return { ...kit, editor, reader, published, send, bundle, auditCount, errorOf };
}
