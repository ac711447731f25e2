import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { csvRecord } from '@/domain/csv';
import { storyIndexOf } from '@/domain/story-index';
import { storyQueries } from '@/lib/api/story-queries';
import { exportFileName, matrixCsvRecords, matrixJsonChunks } from '../model/matrix-export';
import { matrixModelFor, type MatrixModel } from '../model/matrix-model';
import { downloadBlob } from '@/lib/download-blob';
import type { MatrixFilters, MatrixSelection } from '../model/select-matrix';

/** Work this long, then let the page breathe: a large export never freezes the page. */
const SLICE_MS = 30;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Gathers text pieces into a Blob in slices of work, yielding to the page in between. */
async function blobInSlices(pieces: Iterable<string>, type: string, prefix = ''): Promise<Blob> {
  const parts: string[] = prefix ? [prefix] : [];
  let sliceStart = performance.now();
  for (const piece of pieces) {
    parts.push(piece);
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  return new Blob(parts, { type });
}

/** The CSV of the matrix as shown; records go into the Blob as parts, never one giant string. */
export function buildCsvBlob(model: MatrixModel, selection: MatrixSelection, filters?: MatrixFilters): Promise<Blob> {
  const records = function* () {
    for (const record of matrixCsvRecords(model, selection, filters)) yield csvRecord(record);
  };
  // The byte order mark makes spreadsheets read the file as UTF-8 (accents, Arabic names).
  return blobInSlices(records(), 'text/csv;charset=utf-8', '\uFEFF');
}

export function buildJsonBlob(
  model: MatrixModel,
  selection: MatrixSelection,
  url: string,
  filters?: MatrixFilters,
): Promise<Blob> {
  return blobInSlices(matrixJsonChunks(model, selection, url, filters), 'application/json');
}

export type ExportState = { busy: boolean; message: string };

/** Export of the matrix as shown (filters, sort and columns), with a status to announce. */
export function useMatrixExport(model: MatrixModel, selection: MatrixSelection, url: string, filters?: MatrixFilters) {
  const [status, setStatus] = useState<ExportState>({ busy: false, message: '' });
  const client = useQueryClient();
  const run = useCallback(
    async (format: 'csv' | 'json') => {
      const size = `${selection.claims.length} claims × ${selection.columns.length} sources`;
      const name = exportFileName(model.bundle.story.id, filters, format);
      setStatus({ busy: true, message: `Preparing the ${format.toUpperCase()} export of ${size}…` });
      try {
        // The export quotes the evidence, which the matrix reads on demand: the whole story is read for it.
        const bundle = await client.fetchQuery(storyQueries.bundle(model.bundle.story.id));
        const quoted = matrixModelFor(bundle, storyIndexOf(bundle));
        await nextTask();
        const blob =
          format === 'csv'
            ? await buildCsvBlob(quoted, selection, filters)
            : await buildJsonBlob(quoted, selection, url, filters);
        downloadBlob(blob, name);
        setStatus({ busy: false, message: `Exported ${size} as ${name}.` });
      } catch (error) {
        setStatus({
          busy: false,
          message: `The export failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    [client, model, selection, url, filters],
  );
  return { exportStatus: status, runExport: run };
}
