type TopicRowProps = {
  topic: string;
  count: number;
  rowIndex: number;
  top: number;
  height: number;
  width: number;
  colCount: number;
  /** Whether the roving tab stop is on this row. */
  focused: boolean;
};

/** A topic's heading row: one cell across the grid, whose label stays in view when scrolled sideways. */
export function TopicRow({ topic, count, rowIndex, top, height, width, colCount, focused }: TopicRowProps) {
  return (
    <div role="row" aria-rowindex={rowIndex + 1} className="mx-row mx-row--topic" style={{ top, height, width }}>
      <div
        role="rowheader"
        aria-colindex={1}
        aria-colspan={colCount}
        className="mx-cell mx-cell--topic"
        tabIndex={focused ? 0 : -1}
        data-pos={`${rowIndex}:*`}
      >
        <span className="mx-topic__label">
          {topic} <span className="mx-topic__count">({count})</span>
        </span>
      </div>
    </div>
  );
}
