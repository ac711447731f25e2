import { useId, useState, type KeyboardEvent } from 'react';
import { evidenceRefSchema, type EvidenceRef } from '@/domain/schemas';

export type MentionOption = { id: string; label: string };

type EvidenceFieldsProps = {
  evidence: readonly EvidenceRef[];
  mentionOptions: readonly MentionOption[];
  onChange: (evidence: EvidenceRef[]) => void;
};

/** Evidence for a verdict: mentions of the claim in the coverage, and addresses elsewhere. */
export function EvidenceFields({ evidence, mentionOptions, onChange }: EvidenceFieldsProps) {
  const id = useId();
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const cited = new Set(evidence.flatMap((ref) => (ref.kind === 'mention' ? [ref.mention] : [])));
  const urls = evidence.flatMap((ref) => (ref.kind === 'url' ? [ref.url] : []));

  const toggleMention = (mention: string, checked: boolean) =>
    onChange(
      checked
        ? [...evidence, { kind: 'mention', mention }]
        : evidence.filter((ref) => !(ref.kind === 'mention' && ref.mention === mention)),
    );

  const addAddress = () => {
    const parsed = evidenceRefSchema.safeParse({ kind: 'url', url: address.trim() });
    if (!parsed.success) {
      setProblem('Enter a full http:// or https:// address.');
      return;
    }
    setProblem(null);
    setAddress('');
    if (parsed.data.kind === 'url' && urls.includes(parsed.data.url)) return;
    onChange([...evidence, parsed.data]);
  };

  const addOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addAddress();
  };

  return (
    <fieldset className="verdict-form__evidence">
      <legend>Evidence</legend>
      {mentionOptions.length > 0 ? (
        <ul className="verdict-form__mentions">
          {mentionOptions.map((option) => (
            <li key={option.id}>
              <label>
                <input
                  type="checkbox"
                  checked={cited.has(option.id)}
                  onChange={(event) => toggleMention(option.id, event.target.checked)}
                />{' '}
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {urls.length > 0 ? (
        <ul className="verdict-form__urls" aria-label="Sources elsewhere">
          {urls.map((url) => (
            <li key={url}>
              <span className="verdict-form__url">{url}</span>{' '}
              <button
                type="button"
                aria-label={`Remove ${url}`}
                onClick={() => onChange(evidence.filter((ref) => !(ref.kind === 'url' && ref.url === url)))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="verdict-form__add">
        <label htmlFor={`${id}-url`}>Source elsewhere (address)</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={address}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setAddress(event.target.value)}
          onKeyDown={addOnEnter}
        />
        <button type="button" onClick={addAddress}>
          Add source
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="verdict-form__problem">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
