import { useEvidenceFlags } from '@/components/evidence-flag/use-evidence-flags';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { QueryStatus } from '@/components/query-status';
import { StanceBadge } from '@/components/stance-badge';
import type { StanceCell } from '@/domain/schemas';
import type { AnyStoryIndex, StoryParts } from '@/domain/story-index';
import { encodeUrl } from '@/domain/url-state';
import { useStoryOverview } from '@/lib/story/use-story-data';
import { useUrlState } from '@/lib/url-state/use-url-state';
import { useMatrixExport } from '../hooks/use-matrix-export';
import { matrixModelFor, type MatrixModel } from '../model/matrix-model';
import type { OpenCell } from '../model/open-cell';
import { filtersKey, selectMatrix, type MatrixFilters } from '../model/select-matrix';
import { CellPreview } from './cell-preview';
import { MatrixDetail } from './matrix-detail';
import { MatrixGrid, type MatrixGridHandle } from './matrix-grid';
import { MatrixToolbar } from './matrix-toolbar';
import './matrix.css';

/** The contradiction matrix: every claim against every source. */
export function MatrixView() {
  const data = useStoryOverview();
  return (
    <section aria-labelledby="matrix-heading" className="mx">
      <h2 id="matrix-heading">Claims and their coverage</h2>
      {data.status === 'success' ? (
        <Matrix bundle={data.bundle} index={data.index} />
      ) : (
        <QueryStatus {...data} what="the story" />
      )}
    </section>
  );
}

/** Keeps one object for equal keys, so memos downstream survive URL changes that do not concern them. */
function useStable<T>(value: T, key: string): T {
  const [stable, setStable] = useState({ key, value });
  if (stable.key !== key) {
    setStable({ key, value });
    return value;
  }
  return stable.value;
}

/** Slices of idle time: long enough to get on, short enough that input never waits. */
const IDLE_SLICE_MS = 8;

/** Counts every claim's origins and indexes both column modes while the page is idle. */
function usePreparationInIdleTime(model: MatrixModel) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const work = () => {
      const end = performance.now() + IDLE_SLICE_MS;
      if (!model.prepareAhead(() => performance.now() < end)) timer = setTimeout(work, 20);
    };
    timer = setTimeout(work, 200);
    return () => clearTimeout(timer);
  }, [model]);
}

function Matrix({ bundle, index }: { bundle: StoryParts<StanceCell>; index: AnyStoryIndex }) {
  const { state, setUrlState } = useUrlState();
  const model = useMemo(() => matrixModelFor(bundle, index), [bundle, index]);
  const flags = useEvidenceFlags(bundle);
  const flagged = useMemo(() => new Set(flags.keys()), [flags]);
  const filters = useStable<MatrixFilters>(state, filtersKey(state));
  const selection = useMemo(() => selectMatrix(model, filters), [model, filters]);
  const { exportStatus, runExport } = useMatrixExport(model, selection, encodeUrl(state), filters);
  usePreparationInIdleTime(model);
  const gridHandle = useRef<MatrixGridHandle>(null);
  const [focusToken, setFocusToken] = useState(0);
  const summaryId = useId();

  // The open claim and cell are in the URL, so that a copied link reopens the same evidence.
  const open: OpenCell | null = state.claim === null ? null : { claimId: state.claim, columnId: state.cell };

  const onOpen = useCallback(
    (cell: OpenCell, by: 'keyboard' | 'pointer') => {
      setUrlState({ claim: cell.claimId, cell: cell.columnId });
      if (by === 'keyboard') setFocusToken((token) => token + 1);
    },
    [setUrlState],
  );
  const onClose = useCallback(() => {
    setFocusToken(0);
    setUrlState({ claim: null, cell: null });
    gridHandle.current?.focusActiveCell();
  }, [setUrlState]);

  const total = model.claims.length;
  const shown = selection.claims.length;
  const sourceNoun = selection.mode === 'article' ? 'article' : 'outlet';

  return (
    <>
      <p className="view-intro">
        Each row is a claim, each column a source; a claim is <strong>contested</strong> when one source is for it and
        another against. <em>Independent origins</em> counts the original sources behind the coverage: outlets relaying
        the same source count once. Enter or click a cell for its evidence.
      </p>
      <p className="mx-legend" aria-label="Legend">
        {(['asserts', 'reports', 'denies', 'contradicts', 'silent'] as const).map((stance) => (
          <StanceBadge key={stance} stance={stance} />
        ))}
      </p>
      <MatrixToolbar
        model={model}
        state={state}
        setUrlState={setUrlState}
        onExport={(format) => void runExport(format)}
        exporting={exportStatus.busy}
      />
      <p id={summaryId} className="mx-summary" role="status">
        Showing {shown} of {total} claims against {selection.columns.length} {sourceNoun}
        {selection.columns.length === 1 ? '' : 's'}.
        {selection.unknownSources.length > 0 ? ` Not in this story: ${selection.unknownSources.join(', ')}.` : null}
        {state.sources.length > 0 ? ' Independent origins count every source, not only the ones shown.' : null}
      </p>
      <p className="mx-export-status" role="status">
        {exportStatus.message}
      </p>
      <div className={`mx-body${open ? ' mx-body--open' : ''}`}>
        <MatrixGrid
          model={model}
          selection={selection}
          state={state}
          open={open}
          onOpen={onOpen}
          labelledBy="matrix-heading"
          handleRef={gridHandle}
          flagged={flagged}
        />
        {open ? (
          <MatrixDetail
            model={model}
            selection={selection}
            state={state}
            open={open}
            focusToken={focusToken}
            onClose={onClose}
          />
        ) : null}
      </div>
      <CellPreview model={model} mode={selection.mode} />
    </>
  );
}
