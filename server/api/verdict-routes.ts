import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  canEditVerdicts,
  verdictPatchSchema,
  type EvidenceRef,
  type VerdictChangeEvent,
  type VerdictContent,
} from '@/domain/schemas';
import { verdictContentOf } from '../store/store';
import type { ApiContext, ApiDeps, ApiEnv } from './api-context';
import { jsonError } from './api-errors';
import { etagFor, parseIfMatch } from './if-match';
import { readJsonBody } from './request-body';
import { readIdParam } from './route-params';
import { logSecurity } from './security-log';

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

  /** Refuses a change and logs the refusal. */
  const refuse = async (c: ApiContext, status: ContentfulStatusCode, code: string, message: string, field?: string) => {
    await logSecurity(deps, c, 'change_refused', `${c.req.method} ${c.req.path}: ${status} ${code}: ${message}`);
    return jsonError(c, status, code, message, field);
  };

  routes.get('/claims/:claim', async (c) => {
    const param = readIdParam(c, 'claim');
    if ('response' in param) return param.response;
    const claim = await store.getClaim(param.id);
    if (!claim) return jsonError(c, 404, 'not_found', `no claim "${param.id}"`, 'claim');
    c.header('ETag', etagFor(claim.verdict.version));
    return c.json(claim);
  });

  routes.patch('/claims/:claim/verdict', async (c) => {
    const user = c.get('user');
    if (!user) return refuse(c, 401, 'unauthenticated', 'sign in to change a verdict');
    if (!canEditVerdicts(user.role)) {
      return refuse(c, 403, 'forbidden', `${user.username} may read but not change verdicts (role ${user.role})`);
    }
    const param = readIdParam(c, 'claim');
    if ('response' in param) {
      await logSecurity(deps, c, 'change_refused', `${c.req.path}: invalid claim id`);
      return param.response;
    }
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    if (ifMatch.kind === 'missing') {
      return refuse(
        c,
        428,
        'precondition_required',
        'send If-Match with the verdict version you edited (its ETag), so a newer change is not overwritten',
        'If-Match',
      );
    }
    if (ifMatch.kind === 'invalid') return refuse(c, 400, 'invalid_if_match', ifMatch.message, 'If-Match');
    const body = await readJsonBody(c, verdictPatchSchema);
    if ('response' in body) {
      await logSecurity(deps, c, 'change_refused', `${c.req.path}: ${body.response.status} invalid body`);
      return body.response;
    }
    const claim = await store.getClaim(param.id);
    if (!claim) return refuse(c, 404, 'not_found', `no claim "${param.id}"`, 'claim');

    const patch = body.data;
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
        return refuse(
          c,
          400,
          'invalid_body',
          `evidence.${index}.mention: "${ref.mention}" is not a mention of this claim`,
          `evidence.${index}.mention`,
        );
      }
    }

    const result = await store.updateVerdict({
      claimId: claim.id,
      expectedVersion: ifMatch.version,
      content,
      editor: user.username,
      at: now().toISOString(),
    });
    if (result.kind === 'not_found') return refuse(c, 404, 'not_found', `no claim "${param.id}"`, 'claim');
    if (result.kind === 'stale') {
      const current = result.claim.verdict;
      await logSecurity(
        deps,
        c,
        'change_refused',
        `${c.req.path}: 412 stale_version: based on ${ifMatch.version}, current ${current.version}`,
      );
      c.header('ETag', etagFor(current.version));
      return c.json(
        {
          error: {
            code: 'stale_version',
            message: `the verdict changed since version ${ifMatch.version}: it is now version ${current.version}${
              current.editor ? `, by ${current.editor}` : ''
            }`,
            field: 'If-Match',
          },
          claim: result.claim,
        },
        412,
      );
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
  });

  routes.get('/claims/:claim/history', async (c) => {
    const param = readIdParam(c, 'claim');
    if ('response' in param) return param.response;
    if (!(await store.getClaim(param.id))) return jsonError(c, 404, 'not_found', `no claim "${param.id}"`, 'claim');
    return c.json(await store.listVerdictHistory(param.id));
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
