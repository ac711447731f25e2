import type { Slot } from '@/components/virtual-list/use-windowed-axis';
import { formatDay, formatDayRange } from '@/lib/format-date';
import { FIXED_COUNT, GRID, type FixedLayout } from '../model/grid-layout';
import type { GridPosition } from '../model/grid-keys';
import type { MatrixColumn } from '../model/matrix-model';

type GridHeaderProps = {
  layout: FixedLayout;
  columns: readonly MatrixColumn[];
  columnSlots: readonly Slot[];
  totalWidth: number;
  /** The roving tab stop, to know whether it is in this row. */
  pos: GridPosition;
};

/** The header row, which stays on top when the grid scrolls: the fixed columns, then one per source. */
export function GridHeader({ layout, columns, columnSlots, totalWidth, pos }: GridHeaderProps) {
  const tab = (col: number) => (pos.row === 0 && pos.col === col ? 0 : -1);
  return (
    <div role="rowgroup" className="mx-head">
      <div
        role="row"
        aria-rowindex={1}
        className="mx-row mx-row--head"
        style={{ width: totalWidth, height: GRID.headerHeight }}
      >
        {layout.columns.map((column, i) => (
          <div
            key={column.id}
            role="columnheader"
            aria-colindex={i + 1}
            className={`mx-cell mx-cell--fixed mx-head--${column.id}`}
            style={{ left: layout.left[i], width: column.width }}
            tabIndex={tab(i)}
            data-pos={`0:${i}`}
          >
            {column.title}
            {column.id === 'origins' ? <span className="mx-head__sub">for · against</span> : null}
          </div>
        ))}
        {columnSlots.map((slot) => {
          const column = columns[slot.index] as MatrixColumn;
          const col = FIXED_COUNT + slot.index;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-colindex={col + 1}
              className="mx-cell mx-cell--source-head"
              style={{ left: slot.start, width: slot.size }}
              tabIndex={tab(col)}
              data-pos={`0:${col}`}
              title={
                column.kind === 'article'
                  ? column.title
                  : `${column.outletName}: ${column.title}, ${formatDayRange(column.firstDate, column.lastDate)}`
              }
            >
              <span className="mx-head__outlet">{column.outletName}</span>
              <SourceSubtitle column={column} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Under the outlet's name: the article's day, or how many articles the outlet has and over which days. */
function SourceSubtitle({ column }: { column: MatrixColumn }) {
  if (column.kind === 'article') return <span className="mx-head__sub">{formatDay(column.firstDate)}</span>;
  const count = column.articleIds.length;
  return (
    <span className="mx-head__sub">
      {count} article{count === 1 ? '' : 's'}, {shortRange(column.firstDate, column.lastDate)}
    </span>
  );
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "1 Mar–30 Apr": a header has no room for years, which the title gives in full. */
function shortRange(first: string, last: string): string {
  const day = (iso: string) => dayMonth.format(new Date(`${iso}T00:00:00Z`));
  return first === last ? day(first) : `${day(first)}–${day(last)}`;
}
