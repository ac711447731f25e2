import { useId, useMemo, useRef, type FocusEvent, type Ref } from 'react';
import type { UrlState } from '@/domain/url-state';
import { useCellPreview } from '../hooks/use-cell-preview';
import { useGridNavigation, type MatrixGridHandle } from '../hooks/use-grid-navigation';
import { useGridWindows } from '../hooks/use-grid-windows';
import { evidenceText } from '../model/cell-text';
import { useClaimEvidence, withEvidence } from '@/lib/story/use-claim-evidence';
import { FIXED_COUNT, sourceLeft } from '../model/grid-layout';
import { useFixedLayout } from '../hooks/use-fixed-layout';
import type { MatrixModel } from '../model/matrix-model';
import type { OpenCell } from '../model/open-cell';
import type { MatrixSelection } from '../model/select-matrix';
import { ClaimRow, type RowShared } from './claim-row';
import { GridHeader } from './grid-header';
import { TopicRow } from './topic-row';

export type { MatrixGridHandle } from '../hooks/use-grid-navigation';

type MatrixGridProps = {
  model: MatrixModel;
  selection: MatrixSelection;
  state: UrlState;
  open: OpenCell | null;
  onOpen: (cell: OpenCell, by: 'keyboard' | 'pointer') => void;
  labelledBy: string;
  handleRef?: Ref<MatrixGridHandle>;
  /** Claims whose evidence changed since their verdict, marked for editors. */
  flagged?: ReadonlySet<string>;
};

const NO_FLAGS: ReadonlySet<string> = new Set();

/**
 * The matrix as an ARIA grid: a header row, then topic and claim rows, each claim against every
 * source. The keyboard moves one tab stop (useGridNavigation); hovering or focusing a cell previews
 * its evidence (useCellPreview); a large grid draws only what is in view (useGridWindows).
 */
export function MatrixGrid({
  model,
  selection,
  state,
  open,
  onOpen,
  labelledBy,
  handleRef,
  flagged = NO_FLAGS,
}: MatrixGridProps) {
  const { rows, columns } = selection;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const preview = useCellPreview(gridRef);
  const layout = useFixedLayout(scrollRef, columns.length);
  const navigation = useGridNavigation({
    scrollRef,
    gridRef,
    rows,
    columns,
    onOpen,
    layout,
    onLeaveCell: preview.hideAll,
    handleRef,
  });
  const { pos, rowCount, colCount } = navigation;
  const { rowSlots, columnSlots } = useGridWindows(scrollRef, layout, rows, columns, pos);
  const totalWidth = sourceLeft(layout, columns.length);
  const cells = useMemo(() => model.cells(selection.mode), [model, selection.mode]);

  const activeRow = rows[pos.row - 1];
  const activeColumn = columns[pos.col - FIXED_COUNT];
  const activeMentions =
    activeRow?.kind === 'claim' && activeColumn ? cells.get(activeRow.stats.claim.id)?.get(activeColumn.id) : undefined;
  const describedBy = activeMentions ? descriptionId : undefined;
  const activeEvidence = useClaimEvidence(
    model.bundle.story.id,
    activeMentions && activeRow?.kind === 'claim' ? activeRow.stats.claim.id : null,
  );

  const shared = useMemo<RowShared>(
    () => ({ model, cells, columns, columnSlots, state, totalWidth, layout, flagged }),
    [model, cells, columns, columnSlots, state, totalWidth, layout, flagged],
  );

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    navigation.onFocus(event);
    preview.onFocus(event);
  };

  return (
    <div
      className={`mx-scroll${layout.compact ? ' mx-scroll--compact' : ''}`}
      ref={scrollRef}
      onScroll={preview.hideAll}
    >
      <div
        ref={gridRef}
        role="grid"
        aria-labelledby={labelledBy}
        aria-rowcount={rowCount}
        aria-colcount={colCount}
        className="mx-grid"
        style={{ width: totalWidth, height: navigation.totalHeight }}
        onKeyDown={navigation.onKeyDown}
        onFocus={onFocus}
        onBlur={preview.onBlur}
        onClick={navigation.onClick}
        onPointerOver={preview.onPointerOver}
        onPointerLeave={preview.onPointerLeave}
      >
        <GridHeader layout={layout} columns={columns} columnSlots={columnSlots} totalWidth={totalWidth} pos={pos} />
        <div role="rowgroup">
          {rowSlots.map((slot) => {
            const row = rows[slot.index];
            if (!row) return null;
            const rowIndex = slot.index + 1;
            const focused = pos.row === rowIndex;
            return row.kind === 'topic' ? (
              <TopicRow
                key={`topic:${row.topic}`}
                topic={row.topic}
                count={row.count}
                rowIndex={rowIndex}
                top={slot.start}
                height={slot.size}
                width={totalWidth}
                colCount={colCount}
                focused={focused}
              />
            ) : (
              <ClaimRow
                key={row.stats.claim.id}
                stats={row.stats}
                rowIndex={rowIndex}
                top={slot.start}
                height={slot.size}
                shared={shared}
                activeCol={focused ? pos.col : -1}
                openColumn={open?.claimId === row.stats.claim.id ? open.columnId : undefined}
                describedBy={focused ? describedBy : undefined}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="mx-empty">No claim matches these filters.</p>
      ) : columns.length === 0 ? (
        <p className="mx-empty">No source matches these filters.</p>
      ) : null}
      <div id={descriptionId} className="visually-hidden">
        {activeMentions && activeEvidence ? evidenceText(withEvidence(activeMentions, activeEvidence)) : null}
      </div>
    </div>
  );
}
