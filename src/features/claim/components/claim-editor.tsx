import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { claimSchema, type Claim } from '@/domain/schemas';
import { deskPaths } from '@/lib/api/desk-paths';
import { claimDeskQueries, useDeskChange, type DeskRequest } from '@/lib/api/claim-desk-queries';
import { navigate } from '@/lib/router/location-store';
import { hrefFor, useUrlState } from '@/lib/url-state/use-url-state';
import { useDeskNotice } from '@/components/desk/undo-store';

type Props = { claim: Claim; claims: readonly Claim[]; mentionCount: number };

/**
 * An editor's corrections of a claim: its wording, its topic (an existing one or a new one),
 * the topic's name, a merge into the claim it duplicates, and its deletion while no mention
 * carries it. Each change is announced with an Undo.
 */
export function ClaimEditor({ claim, claims, mentionCount }: Props) {
  const { state } = useUrlState();
  const topics = useQuery(claimDeskQueries.topics(claim.story));
  const change = useDeskChange();
  const show = useDeskNotice((s) => s.show);
  const [text, setText] = useState(claim.text);
  const [topic, setTopic] = useState(claim.topic);
  const [topicName, setTopicName] = useState(claim.topic);
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();
  const version = claim.verdict.version;
  const topicVersion = topics.data?.find((t) => t.name === claim.topic)?.version ?? 1;

  const send = (request: DeskRequest, done: (answer: unknown) => void) => {
    setError(null);
    change.mutate({ ...request, onDone: done, onFail: (e) => setError(e.message) });
  };
  const submit = (event: FormEvent, run: () => void) => {
    event.preventDefault();
    if (!change.isPending) run();
  };
  const undoClaim = (answer: unknown) => {
    const saved = claimSchema.parse(answer);
    return { path: deskPaths.claimUndo(saved.id), version: saved.verdict.version };
  };

  return (
    <section aria-labelledby="claim-edit-heading" className="claim-editor">
      <h3 id="claim-edit-heading">Correct this claim</h3>
      {error ? (
        <p id={errorId} role="alert" className="claim-editor__error">
          {error}
        </p>
      ) : null}
      <form
        aria-label="Reword the claim"
        onSubmit={(e) =>
          submit(e, () =>
            send({ method: 'PATCH', path: deskPaths.claim(claim.id), body: { text }, ifMatch: version }, (answer) =>
              show('Wording saved; the old wording stays in the history.', undoClaim(answer)),
            ),
          )
        }
      >
        <label>
          Wording
          <textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} required />
        </label>
        <button type="submit" disabled={text.trim() === claim.text || text.trim() === ''}>
          Save wording
        </button>
      </form>
      <form
        aria-label="Change the topic"
        onSubmit={(e) =>
          submit(e, () =>
            send({ method: 'PATCH', path: deskPaths.claim(claim.id), body: { topic }, ifMatch: version }, (answer) =>
              show(`Moved to the topic “${topic.trim()}”.`, undoClaim(answer)),
            ),
          )
        }
      >
        <label>
          Topic (pick one or name a new one)
          <input value={topic} list={listId} onChange={(e) => setTopic(e.target.value)} required />
        </label>
        <datalist id={listId}>
          {(topics.data ?? []).map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
        <button type="submit" disabled={topic.trim() === claim.topic || topic.trim() === ''}>
          Move to topic
        </button>
      </form>
      <form
        aria-label="Rename the topic"
        onSubmit={(e) =>
          submit(e, () =>
            send(
              {
                method: 'PATCH',
                path: `/api/stories/${claim.story}/topics/${encodeURIComponent(claim.topic)}`,
                body: { name: topicName },
                ifMatch: topicVersion,
              },
              (answer) => {
                const renamed = answer as { name: string; version: number };
                show(`Topic renamed to “${renamed.name}” for every claim in it.`, {
                  path: `/api/stories/${claim.story}/topics/${encodeURIComponent(renamed.name)}/undo`,
                  version: renamed.version,
                });
              },
            ),
          )
        }
      >
        <label>
          New name for the topic “{claim.topic}”
          <input value={topicName} onChange={(e) => setTopicName(e.target.value)} required />
        </label>
        <button type="submit" disabled={topicName.trim() === claim.topic || topicName.trim() === ''}>
          Rename topic
        </button>
      </form>
      <form
        aria-label="Merge into another claim"
        onSubmit={(e) =>
          submit(e, () =>
            send(
              { method: 'POST', path: `${deskPaths.claim(claim.id)}/merge`, body: { into }, ifMatch: version },
              (answer) => {
                const merged = answer as { claim: Claim; into: Claim };
                show(`Merged into “${merged.into.text}”; its mentions moved there.`, {
                  path: deskPaths.claimUndo(claim.id),
                  version: merged.claim.verdict.version,
                });
                navigate(hrefFor(state, { view: 'claim', claim: merged.into.id }));
              },
            ),
          )
        }
      >
        <label>
          Duplicate of
          <select value={into} onChange={(e) => setInto(e.target.value)} required>
            <option value="">Choose the claim to keep…</option>
            {claims
              .filter((c) => c.id !== claim.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.text}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" disabled={into === ''}>
          Merge into it
        </button>
      </form>
      <p>
        <button
          type="button"
          disabled={mentionCount > 0 || change.isPending}
          aria-describedby={mentionCount > 0 ? `${errorId}-why` : undefined}
          onClick={() =>
            send({ method: 'DELETE', path: deskPaths.claim(claim.id), ifMatch: version }, (answer) => {
              show(`Claim “${claim.text}” deleted.`, undoClaim(answer));
            })
          }
        >
          Delete claim
        </button>{' '}
        {mentionCount > 0 ? (
          <span id={`${errorId}-why`} className="claim-editor__why">
            A claim with mentions cannot be deleted: delete its mentions or merge it into another claim.
          </span>
        ) : null}
      </p>
    </section>
  );
}
