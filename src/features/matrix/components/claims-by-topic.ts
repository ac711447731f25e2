import type { Claim } from '../../../domain/schemas';

/** Claims grouped by topic, topics in the order they first appear. */
export function claimsByTopic(claims: readonly Claim[]): [topic: string, claims: Claim[]][] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.topic);
    if (group) group.push(claim);
    else groups.set(claim.topic, [claim]);
  }
  return [...groups];
}
