import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { actorKindSchema, stepSources, type AttributionNode, type AttributionStep } from '@/domain/schemas';
import { claimDeskQueries, useDeskChange } from '@/lib/api/claim-desk-queries';

type Props = {
  chain: readonly AttributionStep[];
  storyId: string;
  /** The outlet that published the article: the chain's last step, always. */
  publishedBy: string;
  disabled: boolean;
  onSave: (chain: AttributionStep[]) => void;
};

const keyOf = (node: AttributionNode) => `${node.kind}:${node.id}`;
const nodeOf = (key: string): AttributionNode => {
  const [kind, id = ''] = key.split(':');
  return { kind: kind === 'outlet' ? 'outlet' : 'actor', id };
};
const stepOf = (keys: string[]): AttributionStep =>
  keys.length === 1 ? nodeOf(keys[0] ?? '') : { sources: keys.map(nodeOf) };

/**
 * The chain from the original source to the publishing outlet, step by step: each step one
 * source or several co-sources, picked from the known actors and outlets or added as new.
 */
export function ChainEditor({ chain, storyId, publishedBy, disabled, onSave }: Props) {
  const sources = useQuery(claimDeskQueries.sources());
  const client = useQueryClient();
  const create = useDeskChange();
  const [steps, setSteps] = useState<string[][]>(() => chain.slice(0, -1).map((s) => stepSources(s).map(keyOf)));
  const [name, setName] = useState('');
  const [kind, setKind] = useState('unnamed-source');
  const options = [
    ...(sources.data?.actors ?? []).map((a) => ({ key: `actor:${a.id}`, label: a.name })),
    ...(sources.data?.outlets ?? []).map((o) => ({ key: `outlet:${o.id}`, label: o.name })),
  ];
  const first = options[0]?.key ?? '';
  const update = (i: number, keys: string[]) =>
    setSteps((all) => all.map((step, j) => (j === i ? keys : step)).filter((step) => step.length > 0));

  const addSource = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { method: 'POST', path: `/api/stories/${storyId}/actors`, body: { name, kind } },
      {
        onSuccess: () => {
          setName('');
          void client.invalidateQueries({ queryKey: claimDeskQueries.sources().queryKey });
        },
      },
    );
  };

  return (
    <fieldset className="chain-editor">
      <legend>Attribution chain (from the original source to the outlet)</legend>
      <ol>
        {steps.map((keys, i) => (
          <li key={i}>
            {keys.map((key, k) => (
              <span key={k} className="chain-editor__source">
                <label>
                  {k === 0 ? `Step ${i + 1} source` : `Step ${i + 1} co-source ${k + 1}`}
                  <select
                    value={key}
                    onChange={(e) =>
                      update(
                        i,
                        keys.map((x, y) => (y === k ? e.target.value : x)),
                      )
                    }
                  >
                    {options.map((o) => (
                      <option key={o.key} value={o.key}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  onClick={() =>
                    update(
                      i,
                      keys.filter((_, y) => y !== k),
                    )
                  }
                >
                  Remove {k === 0 ? `step ${i + 1} source` : `co-source ${k + 1} of step ${i + 1}`}
                </button>
              </span>
            ))}
            <button type="button" onClick={() => update(i, [...keys, first])}>
              Add a co-source to step {i + 1}
            </button>
          </li>
        ))}
        <li>{options.find((o) => o.key === `outlet:${publishedBy}`)?.label ?? publishedBy} (the publishing outlet)</li>
      </ol>
      <button type="button" onClick={() => setSteps((all) => [...all, [first]])} disabled={first === ''}>
        Add a step
      </button>{' '}
      <button
        type="button"
        disabled={disabled}
        onClick={() => onSave([...steps.map(stepOf), { kind: 'outlet', id: publishedBy }])}
      >
        Save chain
      </button>
      <form aria-label="New source" onSubmit={addSource} className="chain-editor__new">
        <label>
          New source name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {actorKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending || name.trim() === ''}>
          Add source
        </button>
      </form>
    </fieldset>
  );
}
