import { useState } from 'react';
import { downloadBlob } from '@/lib/download-blob';
import { chartSize, serializeChartSvg, svgToPng } from '../export/chart-export';
import { eventsCsv } from '../model/events-csv';
import type { TimelineEvent } from '../model/timeline-data';

type TimelineExportProps = {
  storyId: string;
  title: string;
  events: readonly TimelineEvent[];
  chartSvg: () => SVGSVGElement | null;
};

/** Downloads of what is on screen: the chart as SVG or PNG, the shown events as CSV. */
export function TimelineExport({ storyId, title, events, chartSvg }: TimelineExportProps) {
  const [message, setMessage] = useState('');
  const base = `${storyId}-timeline`;

  const exportChart = async (kind: 'svg' | 'png') => {
    const svg = chartSvg();
    if (!svg) {
      setMessage('There is no chart to export yet.');
      return;
    }
    try {
      const text = serializeChartSvg(svg, title);
      if (kind === 'svg') {
        downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${base}.svg`);
      } else {
        const { width, height } = chartSize(svg);
        downloadBlob(await svgToPng(text, width, height), `${base}.png`);
      }
      setMessage(`Exported the chart as ${base}.${kind}.`);
    } catch (error) {
      setMessage(`Could not export the chart: ${(error as Error).message}`);
    }
  };

  const exportCsv = () => {
    downloadBlob(new Blob([eventsCsv(events)], { type: 'text/csv;charset=utf-8' }), `${base}-events.csv`);
    setMessage(`Exported ${events.length} events as ${base}-events.csv.`);
  };

  return (
    <div className="tl-export" role="group" aria-label="Export">
      <button type="button" onClick={() => void exportChart('png')}>
        Chart as PNG
      </button>
      <button type="button" onClick={() => void exportChart('svg')}>
        Chart as SVG
      </button>
      <button type="button" onClick={exportCsv}>
        Events as CSV
      </button>
      <p className="tl-export__status" role="status">
        {message}
      </p>
    </div>
  );
}
