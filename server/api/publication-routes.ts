import { answerStale } from './stale-answer';
import { Hono } from 'hono';
import { publicationPatchSchema, type PublicationChangeEvent } from '@/domain/schemas';
import { claimReviewOf, publishedPageUrl, type Desk } from '../publishing/claim-review';
import { annotationCollectionOf, annotationImportSchema, placeAnnotations } from '../publishing/web-annotations';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { etagFor, requireIfMatch } from './if-match';
import { requireEditor } from './require-role';
import { logSecurity, refuseChange } from './security-log';
import { idParam, jsonBody } from './validators';

/** The desk as configured, with what is not configured read from the request's own origin. */
export function deskFor(deps: ApiDeps, c: ApiContext): { desk: Desk; publishedUrl: string; origin: string } {
  const origin = new URL(c.req.url).origin;
  const url = deps.desk.url ?? `${origin}/`;
  return { desk: { name: deps.desk.name, url }, publishedUrl: deps.desk.publishedUrl ?? `${origin}/`, origin };
}

/**
 * Publishing a verdict: an editor marks it published or withdraws it (If-Match with the
 * publication's version; each change on record and announced live), and a published
 * verdict reads as schema.org ClaimReview JSON-LD.
 */
export function publicationRoutes(deps: ApiDeps) {
  const { store, now, changes } = deps;
  const routes = new Hono<ApiEnv>();

  routes.get('/claims/:claim/publication', idParam('claim'), async (c) => {
    const { claim: id } = c.req.valid('param');
    const publication = await store.getPublication(id);
    if (!publication) return jsonError(c, 404, 'not_found', `no claim "${id}"`, 'claim');
    c.header('ETag', etagFor(publication.version));
    return c.json(publication);
  });

  routes.put(
    '/claims/:claim/publication',
    requireEditor(deps, 'publish verdicts', 'publish a verdict'),
    idParam('claim', {
      onRefused: (c) => logSecurity(deps, c, 'change_refused', `${c.req.path}: invalid claim id`),
    }),
    requireIfMatch(deps, 'the publication version'),
    jsonBody(publicationPatchSchema, {
      onRefused: (c, response) =>
        logSecurity(deps, c, 'change_refused', `${c.req.path}: ${response.status} invalid body`),
    }),
    async (c) => {
      const user = c.get('signedIn');
      const { claim: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const { state } = c.req.valid('json');
      const [claim, current] = await Promise.all([store.getClaim(id), store.getPublication(id)]);
      if (!claim || !current) return refuseChange(deps, c, 404, 'not_found', `no claim "${id}"`, 'claim');
      if (current.version === ifMatch) {
        if (state === 'published' && claim.verdict.status === 'unreviewed') {
          return refuseChange(
            deps,
            c,
            409,
            'not_reviewed',
            'state: an unreviewed verdict cannot be published',
            'state',
          );
        }
        if (state === current.state) {
          return refuseChange(deps, c, 409, 'unchanged', `state: the verdict is already ${state}`, 'state');
        }
        if (state === 'withdrawn' && current.state !== 'published') {
          return refuseChange(
            deps,
            c,
            409,
            'not_published',
            'state: only a published verdict can be withdrawn',
            'state',
          );
        }
      }
      const result = await store.updatePublication({
        claimId: id,
        expectedVersion: ifMatch,
        state,
        editor: user.username,
        at: now().toISOString(),
      });
      if (result.kind === 'not_found') return refuseChange(deps, c, 404, 'not_found', `no claim "${id}"`, 'claim');
      if (result.kind === 'stale') {
        const latest = result.publication;
        return answerStale(deps, c, {
          ifMatch,
          version: latest.version,
          noun: 'publication',
          now: `it is now ${latest.state} (version ${latest.version}${latest.editor ? `, by ${latest.editor}` : ''})`,
          body: { publication: latest },
        });
      }
      const event: PublicationChangeEvent = {
        claim: id,
        story: result.publication.story,
        version: result.publication.version,
        publication: result.publication,
      };
      changes.publish({ name: 'publication', data: event });
      c.header('ETag', etagFor(result.publication.version));
      return c.json(result.publication);
    },
  );

  routes.get('/claims/:claim/publication/history', idParam('claim'), async (c) => {
    const { claim: id } = c.req.valid('param');
    if (!(await store.getClaim(id))) return jsonError(c, 404, 'not_found', `no claim "${id}"`, 'claim');
    return c.json(await store.listPublicationHistory(id));
  });

  routes.get('/claims/:claim/claimreview', idParam('claim'), async (c) => {
    const { claim: id } = c.req.valid('param');
    const [claim, publication] = await Promise.all([store.getClaim(id), store.getPublication(id)]);
    if (!claim || !publication) return jsonError(c, 404, 'not_found', `no claim "${id}"`, 'claim');
    if (publication.state === 'withdrawn') {
      return jsonError(c, 410, 'withdrawn', `the verdict on "${id}" was withdrawn`, 'claim');
    }
    if (publication.state !== 'published') {
      return jsonError(c, 404, 'not_published', `the verdict on "${id}" is not published`, 'claim');
    }
    const bundle = await store.getStoryBundle(claim.story);
    if (!bundle) return jsonError(c, 404, 'not_found', `no story "${claim.story}"`, 'story');
    const { desk, publishedUrl, origin } = deskFor(deps, c);
    const review = claimReviewOf({
      claim,
      bundle,
      publication,
      desk,
      pageUrl: publishedPageUrl(publishedUrl, id),
      parallaxBase: `${origin}/`,
    });
    return c.body(JSON.stringify(review), 200, { 'Content-Type': 'application/ld+json; charset=utf-8' });
  });

  routes.get('/stories/:story/annotations', idParam('story'), async (c) => {
    const { story } = c.req.valid('param');
    const bundle = await store.getStoryBundle(story);
    if (!bundle) return jsonError(c, 404, 'not_found', `no story "${story}"`, 'story');
    const { desk, origin } = deskFor(deps, c);
    const collection = annotationCollectionOf({
      bundle,
      imported: await store.listImportedAnnotations(story),
      desk,
      base: `${origin}/`,
      generated: now().toISOString(),
    });
    return c.body(JSON.stringify(collection), 200, {
      'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    });
  });

  // Evidence from elsewhere (an annotation tool, or another Parallax): each annotation placed by
  // its quote and position becomes a mention, on record with who made it; the rest is reported.
  routes.post(
    '/stories/:story/annotations',
    requireEditor(deps, 'import evidence'),
    idParam('story', {
      onRefused: (c) => logSecurity(deps, c, 'change_refused', `${c.req.path}: invalid story id`),
    }),
    jsonBody(annotationImportSchema, {
      onRefused: (c, response) =>
        logSecurity(deps, c, 'change_refused', `${c.req.path}: ${response.status} invalid body`),
    }),
    async (c) => {
      const user = c.get('signedIn');
      const { story } = c.req.valid('param');
      const items = c.req.valid('json');
      const bundle = await store.getStoryBundle(story);
      if (!bundle) return refuseChange(deps, c, 404, 'not_found', `no story "${story}"`, 'story');
      const { placed, unplaced } = await placeAnnotations({
        items,
        bundle,
        articles: await store.listStoryArticles(story),
      });
      const at = now().toISOString();
      if (placed.length > 0) {
        const result = await store.importAnnotations(
          placed.map(({ mention, provenance }) => ({
            mention,
            provenance: { ...provenance, importedBy: user.username, importedAt: at },
          })),
        );
        if (result === 'exists') {
          return refuseChange(deps, c, 409, 'already_imported', 'these annotations were imported before', 'items');
        }
        for (const { mention } of placed) {
          changes.publish({
            name: 'coverage',
            data: { story, kind: 'mention', id: mention.id, claim: mention.claim, article: mention.article },
          });
        }
      }
      return c.json({
        placed: placed.map(({ annotation, mention }) => ({
          annotation,
          mention: mention.id,
          claim: mention.claim,
          article: mention.article,
          start: mention.spans[0]?.start ?? 0,
          end: mention.spans[0]?.end ?? 0,
        })),
        unplaced,
      });
    },
  );

  return routes;
}
