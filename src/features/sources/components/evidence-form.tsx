import { useId, useMemo, useState, type FormEvent } from 'react';
import { claimMatcher } from '@/domain/claim-search';
import { versionedMentionSchema, type Claim, type Stance } from '@/domain/schemas';
import { useDeskNotice } from '@/components/desk/undo-store';
import { useDeskChange } from '@/lib/api/claim-desk-queries';
import { deskPaths } from '@/lib/api/desk-paths';
import { recordSelection } from '../model/selection-mention';
import type { TextSelection } from '../hooks/use-text-selection';
import { DeskError, StanceField } from './desk-fields';

type Props = {
  storyId: string;
  articleId: string;
  outletName: string;
  selection: TextSelection;
  claims: readonly Claim[];
  /** The claim selected in the view, offered first. */
  selectedClaim: string | null;
  onDone: () => void;
};

/** The selected words recorded as evidence for a claim the story has, with their stance. */
export function EvidenceForm({ storyId, articleId, outletName, selection, claims, selectedClaim, onDone }: Props) {
  const change = useDeskChange();
  const show = useDeskNotice((s) => s.show);
  const [query, setQuery] = useState('');
  const [claim, setClaim] = useState(selectedClaim ?? '');
  const [stance, setStance] = useState<Stance>('reports');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const shown = useMemo(() => {
    const matches = claimMatcher(query);
    return claims.filter((c) => c.id === claim || matches(c));
  }, [claims, query, claim]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const chosen = claims.find((c) => c.id === claim);
    if (!chosen) {
      setError('Claim: choose the claim these words are evidence for.');
      return;
    }
    setError(null);
    change.mutate({
      ...recordSelection({ storyId, articleId }, chosen.id, stance, selection),
      onDone: (answer) => {
        const mention = versionedMentionSchema.parse(answer);
        show(
          `Evidence for “${chosen.text}” recorded in ${outletName} (${stance}).`,
          { path: deskPaths.mentionUndo(mention.id), version: mention.version },
          articleId,
        );
        onDone();
      },
      onFail: (e) => setError(e.message),
    });
  };

  return (
    <form aria-label="Evidence for a claim" className="desk-form" onSubmit={submit} noValidate>
      <DeskError error={error} id={errorId} />
      <label>
        Find a claim
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label>
        Claim
        <select
          value={claim}
          onChange={(e) => setClaim(e.target.value)}
          size={Math.min(6, shown.length + 1)}
          aria-invalid={error !== null && claim === '' ? true : undefined}
          aria-describedby={error !== null ? errorId : undefined}
        >
          <option value="">
            {shown.length === 0 ? 'No claim has these words' : `Choose one of ${shown.length} claims…`}
          </option>
          {shown.map((c) => (
            <option key={c.id} value={c.id}>
              {c.text}
            </option>
          ))}
        </select>
      </label>
      <StanceField value={stance} onChange={setStance} />
      <button type="submit" disabled={change.isPending}>
        Record evidence
      </button>
    </form>
  );
}
