import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { claimSchema, claimTextSchema, topicNameSchema, versionedMentionSchema, type Stance } from '@/domain/schemas';
import { useDeskNotice } from '@/components/desk/undo-store';
import { claimDeskQueries, useDeskChange } from '@/lib/api/claim-desk-queries';
import { deskPaths } from '@/lib/api/desk-paths';
import { recordSelection } from '../model/selection-mention';
import type { TextSelection } from '../hooks/use-text-selection';
import { DeskError, StanceField } from './desk-fields';

type Props = {
  storyId: string;
  articleId: string;
  outletName: string;
  selection: TextSelection;
  onDone: (claim: string) => void;
};

const firstIssue = (field: string, result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : `${field}: ${result.error?.issues[0]?.message ?? 'is not valid'}.`;

/**
 * A new claim worded from the selected words, in a topic the story has or a new one, with
 * the words recorded as its first evidence. Should the evidence be refused, the claim is taken
 * back, so nothing is left half made.
 */
export function ClaimFromSelection({ storyId, articleId, outletName, selection, onDone }: Props) {
  const topics = useQuery(claimDeskQueries.topics(storyId));
  const change = useDeskChange();
  const show = useDeskNotice((s) => s.show);
  const [text, setText] = useState(selection.exact);
  const [topic, setTopic] = useState('');
  const [stance, setStance] = useState<Stance>('reports');
  const [error, setError] = useState<{ field: 'text' | 'topic' | null; message: string } | null>(null);
  const listId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const wording = claimTextSchema.safeParse(text);
    const named = topicNameSchema.safeParse(topic);
    const problem = firstIssue('Wording', wording) ?? firstIssue('Topic', named);
    if (!wording.success || !named.success) {
      setError({ field: wording.success ? 'topic' : 'text', message: problem ?? 'Check the fields.' });
      return;
    }
    setError(null);
    change.mutate({
      method: 'POST',
      path: deskPaths.storyClaims(storyId),
      body: { text: wording.data, topic: named.data },
      onFail: (e) => setError({ field: null, message: e.message }),
      onDone: (answer) => {
        const claim = claimSchema.parse(answer);
        const takeBack = { path: deskPaths.claimUndo(claim.id), version: claim.verdict.version };
        change.mutate({
          ...recordSelection({ storyId, articleId }, claim.id, stance, selection),
          onDone: (saved) => {
            const mention = versionedMentionSchema.parse(saved);
            show(
              `New claim “${claim.text}” recorded from ${outletName} (${stance}).`,
              {
                path: deskPaths.mentionUndo(mention.id),
                version: mention.version,
                then: takeBack,
              },
              articleId,
            );
            onDone(claim.id);
          },
          onFail: (e) => {
            setError({ field: null, message: `The evidence was refused, so the claim was not kept: ${e.message}` });
            change.mutate({ method: 'POST', path: takeBack.path, ifMatch: takeBack.version });
          },
        });
      },
    });
  };

  const invalid = (field: 'text' | 'topic') =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <form aria-label="New claim from the selected words" className="desk-form" onSubmit={submit} noValidate>
      <DeskError error={error?.message ?? null} id={errorId} />
      <label>
        Wording of the claim
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} required {...invalid('text')} />
      </label>
      <label>
        Topic (pick one or name a new one)
        <input value={topic} list={listId} onChange={(e) => setTopic(e.target.value)} required {...invalid('topic')} />
      </label>
      <datalist id={listId}>
        {(topics.data ?? []).map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      <StanceField value={stance} onChange={setStance} />
      <button type="submit" disabled={change.isPending}>
        Create the claim
      </button>
    </form>
  );
}
