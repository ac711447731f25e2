import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { slugify } from '@/domain/ingest/article-id';
import {
  articlePatchSchema,
  createStoryRequestSchema,
  idSchema,
  storyPatchSchema,
  type StoryAuditEntry,
} from '@/domain/schemas';
import { storyDocumentSchema } from '../corpus/story-document';
import { exportStory, importStory } from '../corpus/story-transfer';
import type { VersionedChange } from '../store/story-desk-store';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { etagFor, requireIfMatch } from './if-match';
import { requireEditor, requireRole, type SignedInEnv } from './require-role';
import { logSecurity, refuseChange } from './security-log';
import { idParam, jsonBody } from './validators';

/** How many numbered variants of a title's slug are tried before the story is refused. */
const MAX_SLUG_TRIES = 50;

/**
 * Stories and articles as the desk edits them: create, edit, archive and restore a story (an
 * admin pins the one `/` opens); correct an article's metadata, remove it and bring it back;
 * export a story as one document and import one (admins). Every change names the version it
 * was based on (If-Match), writes its history entry with it and is announced on the change feed.
 */
export function storyDeskRoutes(deps: ApiDeps) {
  const { store, now, changes } = deps;
  const routes = new Hono<ApiEnv>();
  const by = (c: Context<SignedInEnv>) => ({ editor: c.get('signedIn').username, at: now().toISOString() });
  const logRefusedBody = {
    onRefused: (c: ApiContext, response: Response) =>
      logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: ${response.status} invalid body`),
  };
  const publish = (entry: StoryAuditEntry, storyVersion: number | null) => {
    if (entry.object === 'story' && storyVersion !== null) {
      changes.publish({ name: 'story', data: { story: entry.story, version: storyVersion } });
    } else {
      changes.publish({ name: 'coverage', data: { story: entry.story, kind: 'article', id: entry.objectId } });
    }
  };

  /** 412 with the object as it now stands, so the editor sees what changed. */
  const stale = async <E extends ApiEnv, T extends { version: number }>(
    c: Context<E>,
    what: 'story' | 'article',
    current: T,
  ) => {
    const ifMatch = c.req.header('if-match') ?? '';
    await logSecurity(
      deps,
      c,
      'change_refused',
      `${c.req.path}: 412 stale_version: based on ${ifMatch}, current ${current.version}`,
    );
    c.header('ETag', etagFor(current.version));
    return c.json(
      {
        error: {
          code: 'stale_version',
          message: `the ${what} changed since version ${ifMatch.replaceAll('"', '')}: it is now version ${current.version}`,
          field: 'If-Match',
        },
        [what]: current,
      },
      412,
    );
  };

  const answer = async <E extends ApiEnv, T extends { version: number }>(
    c: Context<E>,
    what: 'story' | 'article',
    id: string,
    result: VersionedChange<T>,
    storyVersionOf: (value: T) => number | null,
  ) => {
    if (result.kind === 'not_found') return refuseChange(deps, c, 404, 'not_found', `no ${what} "${id}"`, what);
    if (result.kind === 'stale') return stale(c, what, result.current);
    publish(result.entry, storyVersionOf(result.value));
    c.header('ETag', etagFor(result.value.version));
    return c.json(result.value);
  };

  const refuse = <E extends ApiEnv>(
    c: Context<E>,
    status: ContentfulStatusCode,
    code: string,
    message: string,
    field: string,
  ) => refuseChange(deps, c, status, code, message, field);

  routes.post(
    '/stories',
    requireEditor(deps, 'create stories', 'create a story'),
    jsonBody(createStoryRequestSchema, logRefusedBody),
    async (c) => {
      const { title, summary } = c.req.valid('json');
      const base = slugify(title, 56);
      for (let n = 1; n <= MAX_SLUG_TRIES; n += 1) {
        const id = n === 1 ? base : `${base}-${n}`;
        const result = await store.createStory({ id, title: title.trim(), summary }, by(c));
        if (result.kind === 'taken') continue;
        publish(result.entry, result.record.version);
        c.header('ETag', etagFor(result.record.version));
        c.header('Location', `/api/stories/${id}`);
        return c.json(result.record, 201);
      }
      return refuse(c, 409, 'exists', `${MAX_SLUG_TRIES} stories already have this title; choose another`, 'title');
    },
  );

  routes.post(
    '/stories/import',
    requireRole(deps, { allows: (role) => role === 'admin', action: 'import stories', signInTo: 'import a story' }),
    async (c, next) => {
      const as = c.req.query('id');
      if (as !== undefined && !idSchema.safeParse(as).success) {
        return refuse(c, 400, 'invalid_parameter', 'id must be a lowercase slug of a-z, 0-9, "-" or "_"', 'id');
      }
      await next();
    },
    jsonBody(storyDocumentSchema, logRefusedBody),
    async (c) => {
      const as = c.req.query('id');
      const result = await importStory(store, c.req.valid('json'), { ...(as ? { asId: as } : {}), by: by(c) });
      if (result.kind === 'invalid') return refuse(c, 400, 'invalid_story', result.message, result.field);
      if (result.kind === 'taken') return refuse(c, 409, 'exists', result.message, result.field);
      publish(result.entry, result.record.version);
      c.header('ETag', etagFor(result.record.version));
      c.header('Location', `/api/stories/${result.record.id}`);
      return c.json(result.record, 201);
    },
  );

  routes.patch(
    '/stories/:story',
    requireEditor(deps, 'edit stories', 'edit a story'),
    idParam('story'),
    requireIfMatch(deps, 'the story version'),
    jsonBody(storyPatchSchema, logRefusedBody),
    async (c) => {
      const { story: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const patch = c.req.valid('json');
      const user = c.get('signedIn');
      if (patch.pinned !== undefined && user.role !== 'admin') {
        return refuse(c, 403, 'forbidden', `${user.username} may edit stories but only an admin pins one`, 'pinned');
      }
      const result = await store.updateStory(id, ifMatch, patch, by(c));
      return answer(c, 'story', id, result, (value) => value.version);
    },
  );

  routes.get('/corpus/problems', (c) => c.json(deps.corpusProblems));

  routes.get('/stories/:story/history', idParam('story'), async (c) => {
    const { story: id } = c.req.valid('param');
    if (!(await store.getStoryRecord(id))) return jsonError(c, 404, 'not_found', `no story "${id}"`, 'story');
    return c.json(await store.listStoryAudit(id));
  });

  routes.get('/stories/:story/export', idParam('story'), async (c) => {
    const { story: id } = c.req.valid('param');
    const document = await exportStory(store, id);
    if (!document) return jsonError(c, 404, 'not_found', `no story "${id}"`, 'story');
    c.header('Content-Disposition', `attachment; filename="${id}.json"`);
    return c.json(document);
  });

  routes.get('/articles/:article/record', idParam('article'), async (c) => {
    const { article: id } = c.req.valid('param');
    const record = await store.getArticleRecord(id);
    if (!record) return jsonError(c, 404, 'not_found', `no article "${id}"`, 'article');
    c.header('ETag', etagFor(record.version));
    return c.json(record);
  });

  routes.patch(
    '/articles/:article',
    requireEditor(deps, 'edit articles', 'edit an article'),
    idParam('article'),
    requireIfMatch(deps, 'the article version'),
    jsonBody(articlePatchSchema, logRefusedBody),
    async (c) => {
      const { article: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const patch = c.req.valid('json');
      const current = await store.getArticleRecord(id);
      if (!current) return refuse(c, 404, 'not_found', `no article "${id}"`, 'article');
      if (current.removed)
        return refuse(c, 409, 'removed', `the article "${id}" is removed; restore it first`, 'article');
      if (patch.outlet !== undefined && !(await store.listOutlets()).some((o) => o.id === patch.outlet)) {
        return refuse(c, 400, 'invalid_body', `outlet: no outlet "${patch.outlet}"`, 'outlet');
      }
      const result = await store.updateArticle(id, ifMatch, patch, by(c));
      return answer(c, 'article', id, result, () => null);
    },
  );

  const removal = (removed: boolean) => async (c: Context<SignedInEnv>, id: string, ifMatch: number) => {
    const current = await store.getArticleRecord(id);
    if (!current) return refuse(c, 404, 'not_found', `no article "${id}"`, 'article');
    if (current.removed === removed && current.version === ifMatch) {
      const state = removed ? 'removed already' : 'not removed';
      return refuse(c, 409, removed ? 'removed' : 'not_removed', `the article "${id}" is ${state}`, 'article');
    }
    const result = await store.setArticleRemoved(id, ifMatch, removed, by(c));
    return answer(c, 'article', id, result, () => null);
  };

  routes.delete(
    '/articles/:article',
    requireEditor(deps, 'remove articles', 'remove an article'),
    idParam('article'),
    requireIfMatch(deps, 'the article version'),
    (c) => removal(true)(c, c.req.valid('param').article, c.req.valid('header').ifMatch),
  );

  routes.post(
    '/articles/:article/restore',
    requireEditor(deps, 'restore articles', 'restore an article'),
    idParam('article'),
    requireIfMatch(deps, 'the article version'),
    (c) => removal(false)(c, c.req.valid('param').article, c.req.valid('header').ifMatch),
  );

  return routes;
}
