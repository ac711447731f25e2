import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { canEditVerdicts, type EvidenceFlag, type StoryBundle } from '@/domain/schemas';
import { sessionQueries } from '@/lib/api/session-queries';

const NONE: ReadonlyMap<string, EvidenceFlag> = new Map();

/**
 * The claims whose evidence changed since their verdict, by claim id, for an editor; empty for
 * everyone else (the flag asks an editor to look again, it is not a finding).
 */
export function useEvidenceFlags(bundle: Pick<StoryBundle, 'evidenceFlags'> | null): ReadonlyMap<string, EvidenceFlag> {
  const session = useQuery(sessionQueries.current());
  const user = session.data?.user ?? null;
  const editor = user !== null && canEditVerdicts(user.role);
  const flags = bundle?.evidenceFlags;
  return useMemo(
    () => (editor && flags && flags.length > 0 ? new Map(flags.map((flag) => [flag.claim, flag])) : NONE),
    [editor, flags],
  );
}

/** What changed, in words: "a quoted sentence changed; evidence lost its place; new coverage". */
export function describeEvidenceFlag(flag: EvidenceFlag): string {
  const parts = flag.kinds.map((kind) =>
    kind === 'changed'
      ? 'quoted evidence changed in an updated article'
      : kind === 'unanchored'
        ? 'quoted evidence is no longer in an updated article'
        : 'new coverage of the claim arrived',
  );
  return parts.join('; ');
}
