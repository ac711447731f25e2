import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  stanceSchema,
  versionedMentionSchema,
  type AttributionStep,
  type Mention,
  type SpanInput,
  type Stance,
} from '@/domain/schemas';
import { claimDeskQueries, useDeskChange, type DeskRequest } from '@/lib/api/claim-desk-queries';
import { deskPaths } from '@/lib/api/desk-paths';
import { useDeskNotice } from './undo-store';
import { ChainEditor } from './chain-editor';
import './desk.css';

const STANCES = stanceSchema.options;

type Props = {
  mention: Mention;
  outletName: string;
  storyId: string;
  publishedBy: string;
  /** Where the editor is open (a pane of Sources), for the notice of its changes. */
  where?: string;
  /** Words selected in the mention's article, which can be added to its evidence. */
  selection?: SpanInput | null;
};

/**
 * An editor's corrections of one mention: its stance, its evidence spans (remove one; add
 * more by selecting words in Sources), its attribution chain, or the mention itself removed.
 * Each change is announced with an Undo.
 */
export function MentionEditor({ mention, outletName, storyId, publishedBy, where, selection = null }: Props) {
  const stored = useQuery(claimDeskQueries.mention(mention.id));
  const change = useDeskChange();
  const client = useQueryClient();
  const show = useDeskNotice((s) => s.show);
  const [stance, setStance] = useState<Stance>(mention.stance);
  const [error, setError] = useState<string | null>(null);
  const version = stored.data?.version;

  const send = (request: DeskRequest, text: string) => {
    setError(null);
    change.mutate({
      ...request,
      onDone: (answer) => {
        const saved = versionedMentionSchema.parse(answer);
        const key = claimDeskQueries.mention(mention.id).queryKey;
        // Kept even for a deletion (the answer is the mention as it was): asking again would find nothing.
        client.setQueryData(key, saved);
        show(text, { path: deskPaths.mentionUndo(mention.id), version: saved.version }, where);
      },
      onFail: (e) => setError(e.message),
    });
  };
  /** One change to the mention, based on the version shown. */
  const patch = (body: Record<string, unknown>, text: string) =>
    send({ method: 'PATCH', path: deskPaths.mention(mention.id), body, ifMatch: version }, text);
  const onStance = (event: FormEvent) => {
    event.preventDefault();
    patch({ stance }, `Stance in ${outletName} is now “${stance}”.`);
  };
  const saveChain = (attribution: AttributionStep[]) =>
    patch({ attribution }, `Attribution chain in ${outletName} saved.`);

  const spansOf = (spans: readonly SpanInput[]) =>
    [...spans].sort((a, b) => a.start - b.start).map(({ start, end }) => ({ start, end }));
  const overlapsSelection =
    selection !== null && mention.spans.some((span) => span.start < selection.end && selection.start < span.end);

  if (version === undefined) return <p>{stored.isError ? 'This mention could not be loaded.' : 'Loading…'}</p>;
  return (
    <div className="mention-editor">
      {error ? <p role="alert">{error}</p> : null}
      <form aria-label={`Stance in ${outletName}`} onSubmit={onStance}>
        <label>
          Stance
          <select value={stance} onChange={(e) => setStance(stanceSchema.parse(e.target.value))}>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={stance === mention.stance || change.isPending}>
          Save stance
        </button>
      </form>
      {mention.spans.length > 1 ? (
        <ul aria-label="Evidence spans">
          {mention.spans.map((span, i) => (
            <li key={`${span.start}-${span.end}`}>
              “{span.exact}”{' '}
              <button
                type="button"
                disabled={change.isPending}
                onClick={() =>
                  patch({ spans: spansOf(mention.spans.filter((_, j) => j !== i)) }, 'Evidence span removed.')
                }
              >
                Remove span {i + 1}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {selection !== null && !overlapsSelection ? (
        <p>
          <button
            type="button"
            disabled={change.isPending}
            onClick={() => patch({ spans: spansOf([...mention.spans, selection]) }, 'Evidence span added.')}
          >
            Add “{selection.exact}” to this mention’s evidence
          </button>
        </p>
      ) : null}
      <ChainEditor
        chain={mention.attribution}
        storyId={storyId}
        publishedBy={publishedBy}
        disabled={change.isPending}
        onSave={saveChain}
      />
      <button
        type="button"
        disabled={change.isPending}
        onClick={() =>
          send(
            { method: 'DELETE', path: deskPaths.mention(mention.id), ifMatch: version },
            `Mention in ${outletName} deleted.`,
          )
        }
      >
        Delete mention
      </button>
    </div>
  );
}
