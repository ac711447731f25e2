type PaneSearchProps = {
  name: string;
  query: string;
  total: number;
  /** The place among the hits, -1 before the first step. */
  current: number;
  onStep: (direction: 1 | -1) => void;
};

/** How often the searched words stand in a pane's text, and previous and next among them. */
export function PaneSearch({ name, query, total, current, onStep }: PaneSearchProps) {
  const words = `“${query}”`;
  return (
    <div className="pane__nav pane__search">
      <button
        type="button"
        onClick={() => onStep(-1)}
        disabled={total === 0}
        aria-label={`Previous match for ${words} in ${name}`}
        title="Previous match"
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => onStep(1)}
        disabled={total === 0}
        aria-label={`Next match for ${words} in ${name}`}
        title="Next match"
      >
        ↓
      </button>
      <span className="pane__position">
        {total === 0
          ? `No match for ${words}`
          : current === -1
            ? `${total} match${total === 1 ? '' : 'es'} for ${words}`
            : `Match ${current + 1} of ${total} for ${words}`}
      </span>
    </div>
  );
}
