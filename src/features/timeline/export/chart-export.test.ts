import { describe, expect, it } from 'vitest';
import { serializeChartSvg } from './chart-export';

function chart(): SVGSVGElement {
  const holder = document.createElement('div');
  holder.innerHTML =
    '<svg width="300" height="120" class="recharts-surface" role="group" tabindex="0">' +
    '<g role="button" tabindex="-1" aria-label="Meeting" class="tl-mark" style="fill: rgb(30, 64, 175)">' +
    '<circle cx="10" cy="10" r="5"></circle><text x="20" y="10">Meeting &amp; "talks"</text></g></svg>';
  document.body.append(holder);
  return holder.querySelector('svg') as SVGSVGElement;
}

describe('serializeChartSvg', () => {
  it('writes a standalone SVG: namespace, size, background, title, styles inlined, no page wiring', () => {
    const text = serializeChartSvg(chart(), 'Timeline of a <story>');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(text.match(/xmlns="http:\/\/www.w3.org\/2000\/svg"/g)).toHaveLength(1);
    expect(svg.getAttribute('viewBox')).toBe('0 0 300 120');
    expect(svg.querySelector('title')?.textContent).toBe('Timeline of a <story>');
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(text).not.toMatch(/tabindex|role=|aria-label|class=/);
    expect(svg.querySelector('g')?.getAttribute('style')).toContain('fill:');
    expect(svg.querySelector('text')?.textContent).toBe('Meeting & "talks"');
  });
});
