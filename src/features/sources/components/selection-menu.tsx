import { useEffect, useRef, useState } from 'react';
import type { Article, ArticleMeta, Mention } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import type { TextSelection } from '../hooks/use-text-selection';
import { ClaimFromSelection } from './claim-from-selection';
import { EventFromSentence } from './event-from-sentence';
import { EvidenceForm } from './evidence-form';

type Choice = 'evidence' | 'claim' | 'event';
const CHOICES: { choice: Choice; label: string }[] = [
  { choice: 'evidence', label: 'Evidence for…' },
  { choice: 'claim', label: 'New claim from this' },
  { choice: 'event', label: 'Event from this sentence' },
];

type Props = {
  id: string;
  meta: ArticleMeta;
  name: string;
  article: Article;
  index: AnyStoryIndex;
  mentions: readonly Mention[];
  selection: TextSelection;
  selectedClaim: string | null;
  onClose: () => void;
  onDone: () => void;
};

/** What the selected words become: evidence for a claim, a new claim, or an event. Escape closes it. */
export function SelectionMenu({
  id,
  meta,
  name,
  article,
  index,
  mentions,
  selection,
  selectedClaim,
  onClose,
  onDone,
}: Props) {
  const [choice, setChoice] = useState<Choice>('evidence');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const claims = [...index.claims.values()];

  return (
    <section
      id={id}
      className="pane-desk__panel"
      role="dialog"
      aria-labelledby={`${id}-heading`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id={`${id}-heading`} className="pane-desk__heading">
        The selected words in {name}
      </h3>
      <blockquote className="pane-desk__quote">{selection.exact}</blockquote>
      <div role="group" aria-label="Record the words as" className="pane-desk__choices">
        {CHOICES.map((c, i) => (
          <button
            key={c.choice}
            ref={i === 0 ? first : undefined}
            type="button"
            aria-pressed={choice === c.choice}
            onClick={() => setChoice(c.choice)}
          >
            {c.label}
          </button>
        ))}
      </div>
      {choice === 'evidence' ? (
        <EvidenceForm
          storyId={meta.story}
          articleId={meta.id}
          outletName={name}
          selection={selection}
          claims={claims}
          selectedClaim={selectedClaim}
          onDone={onDone}
        />
      ) : choice === 'claim' ? (
        <ClaimFromSelection
          storyId={meta.story}
          articleId={meta.id}
          outletName={name}
          selection={selection}
          onDone={onDone}
        />
      ) : (
        <EventFromSentence
          storyId={meta.story}
          article={article}
          outletName={name}
          selection={selection}
          mentions={mentions}
          onDone={onDone}
        />
      )}
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </section>
  );
}
