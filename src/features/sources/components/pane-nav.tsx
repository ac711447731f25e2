type PaneNavProps = {
  name: string;
  /** What a step moves to: the selected claim's spans, or any highlight. */
  unit: 'span' | 'highlight';
  total: number;
  /** The place among them, -1 before the first step. */
  current: number;
  onStep: (direction: 1 | -1) => void;
};

/** Previous and next highlight in a pane (also p and n), and where the reader is among them. */
export function PaneNav({ name, unit, total, current, onStep }: PaneNavProps) {
  return (
    <div className="pane__nav">
      <button
        type="button"
        onClick={() => onStep(-1)}
        disabled={total === 0}
        aria-label={`Previous ${unit} in ${name}`}
        title={`Previous ${unit} (p)`}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => onStep(1)}
        disabled={total === 0}
        aria-label={`Next ${unit} in ${name}`}
        title={`Next ${unit} (n)`}
      >
        ↓
      </button>
      <span className="pane__position">
        {total === 0
          ? 'No highlights'
          : current === -1
            ? `${total} ${unit}${total === 1 ? '' : 's'}`
            : `${unit === 'span' ? 'Span' : 'Highlight'} ${current + 1} of ${total}`}
      </span>
    </div>
  );
}
