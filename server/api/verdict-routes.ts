import { answerStale } from './stale-answer';
import { Hono } from 'hono';
import { verdictPatchSchema, type EvidenceRef, type VerdictChangeEvent, type VerdictContent } from '@/domain/schemas';
import { verdictContentOf } from '../store/store';
import type { ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { etagFor, requireIfMatch } from './if-match';
import { requireEditor } from './require-role';
import { logSecurity, refuseChange } from './security-log';
import { idParam, jsonBody } from './validators';

const dedupe = (refs: EvidenceRef[]) => {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = ref.kind === 'mention' ? `m:${ref.mention}` : `u:${ref.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * A claim, its verdict and the verdict's history. A change must name the version it was
 * based on (If-Match); a change based on any other version is refused with the claim as it
 * now stands, so no editor overwrites another unknowingly.
 */
export function verdictRoutes(deps: ApiDeps) {
  const { store, now, changes } = deps;
  const routes = new Hono<ApiEnv>();

  routes.get('/claims/:claim', idParam('claim'), async (c) => {
    const { claim: id } = c.req.valid('param');
    const claim = await store.getClaim(id);
    if (!claim) {
      // A claim merged into another leads there: links to the old id keep working.
      const into = await store.claimRedirect(id);
      if (into) {
        c.header('Location', `/api/claims/${into}`);
        return c.json(
          { error: { code: 'merged', message: `"${id}" was merged into "${into}"` }, mergedInto: into },
          308,
        );
      }
      return jsonError(c, 404, 'not_found', `no claim "${id}"`, 'claim');
    }
    c.header('ETag', etagFor(claim.verdict.version));
    return c.json(claim);
  });

  routes.patch(
    '/claims/:claim/verdict',
    requireEditor(deps, 'change verdicts', 'change a verdict'),
    idParam('claim', {
      onRefused: (c) => logSecurity(deps, c, 'change_refused', `${c.req.path}: invalid claim id`),
    }),
    requireIfMatch(deps, 'the verdict version'),
    jsonBody(verdictPatchSchema, {
      onRefused: (c, response) =>
        logSecurity(deps, c, 'change_refused', `${c.req.path}: ${response.status} invalid body`),
    }),
    async (c) => {
      const user = c.get('signedIn');
      const { claim: id } = c.req.valid('param');
      const { ifMatch } = c.req.valid('header');
      const patch = c.req.valid('json');
      const claim = await store.getClaim(id);
      if (!claim) return refuseChange(deps, c, 404, 'not_found', `no claim "${id}"`, 'claim');

      const content: VerdictContent = {
        ...verdictContentOf(claim),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(patch.evidence !== undefined ? { evidence: dedupe(patch.evidence) } : {}),
      };
      if (patch.evidence?.some((ref) => ref.kind === 'mention')) {
        const mentions = new Set(await store.listClaimMentionIds(claim.id));
        const index = patch.evidence.findIndex((ref) => ref.kind === 'mention' && !mentions.has(ref.mention));
        const ref = patch.evidence[index];
        if (ref?.kind === 'mention') {
          return refuseChange(
            deps,
            c,
            400,
            'invalid_body',
            `evidence.${index}.mention: "${ref.mention}" is not a mention of this claim`,
            `evidence.${index}.mention`,
          );
        }
      }

      if (patch.resolvesConflict !== undefined && patch.resolvesConflict !== ifMatch) {
        return refuseChange(
          deps,
          c,
          400,
          'invalid_body',
          `resolvesConflict: must be the version the change is based on (If-Match ${ifMatch}), not ${patch.resolvesConflict}`,
          'resolvesConflict',
        );
      }

      const result = await store.updateVerdict({
        claimId: claim.id,
        expectedVersion: ifMatch,
        content,
        editor: user.username,
        at: now().toISOString(),
        ...(patch.resolvesConflict === undefined ? {} : { conflictWith: patch.resolvesConflict }),
      });
      if (result.kind === 'not_found') return refuseChange(deps, c, 404, 'not_found', `no claim "${id}"`, 'claim');
      if (result.kind === 'stale') {
        const current = result.claim.verdict;
        return answerStale(deps, c, {
          ifMatch,
          version: current.version,
          noun: 'verdict',
          now: `it is now version ${current.version}${current.editor ? `, by ${current.editor}` : ''}`,
          body: { claim: result.claim },
        });
      }
      const event: VerdictChangeEvent = {
        claim: result.claim.id,
        story: result.claim.story,
        version: result.claim.verdict.version,
        verdict: result.claim.verdict,
      };
      changes.publish({ name: 'verdict', data: event });
      c.header('ETag', etagFor(result.claim.verdict.version));
      return c.json(result.claim);
    },
  );

  routes.get('/claims/:claim/history', idParam('claim'), async (c) => {
    const { claim: id } = c.req.valid('param');
    if (!(await store.getClaim(id))) return jsonError(c, 404, 'not_found', `no claim "${id}"`, 'claim');
    return c.json(await store.listVerdictHistory(id));
  });

  // The history is a record: nothing edits or removes it, not even an administrator.
  routes.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/claims/:claim/history', async (c) => {
    await logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: the history is append-only`);
    c.header('Allow', 'GET');
    return jsonError(c, 405, 'method_not_allowed', 'the verdict history cannot be changed');
  });
  routes.on(['GET', 'POST', 'PUT', 'DELETE'], '/claims/:claim/verdict', (c) => {
    c.header('Allow', 'PATCH');
    return jsonError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here; PATCH the verdict`);
  });

  return routes;
}
