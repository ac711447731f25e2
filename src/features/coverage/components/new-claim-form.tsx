import { useId, useState, type FormEvent } from 'react';

type NewClaimFormProps = {
  sentence: string;
  topics: readonly string[];
  busy: boolean;
  onCreate: (claim: { text: string; topic: string }) => void;
  onCancel: () => void;
};

/** A new claim worded from a sentence that no existing claim fits. */
export function NewClaimForm({ sentence, topics, busy, onCreate, onCancel }: NewClaimFormProps) {
  const id = useId();
  const [text, setText] = useState(sentence);
  const [topic, setTopic] = useState(topics[0] ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate({ text: text.trim(), topic: topic.trim() });
  };
  return (
    <form className="new-claim" onSubmit={submit} aria-label="New claim">
      <label htmlFor={`${id}-text`}>Claim, in neutral wording</label>
      <textarea id={`${id}-text`} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      <label htmlFor={`${id}-topic`}>Topic</label>
      <input
        id={`${id}-topic`}
        list={`${id}-topics`}
        value={topic}
        onChange={(event) => setTopic(event.target.value)}
      />
      <datalist id={`${id}-topics`}>
        {topics.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="submit" disabled={busy || !text.trim() || !topic.trim()}>
        Create the claim and record this sentence
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
