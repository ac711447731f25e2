const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Styles the page applies through CSS (classes, custom properties) that a standalone SVG
 * file would lose; they are copied onto each element as computed values.
 */
const INLINED_STYLES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-decoration',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Values every SVG element has anyway; leaving them out keeps the file small. */
const DEFAULT_VALUES: Record<string, string> = { visibility: 'visible', display: 'inline', opacity: '1' };

/**
 * A standalone SVG document of the chart as shown: computed styles inlined, a white
 * background, explicit size, and no focus or ARIA wiring that only makes sense in the page.
 */
export function serializeChartSvg(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = window.getComputedStyle(original);
    const style = INLINED_STYLES.map((name) => [name, computed.getPropertyValue(name)] as const)
      .filter(([name, value]) => value !== '' && DEFAULT_VALUES[name] !== value)
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
    if (style) copy.setAttribute('style', style);
    for (const attribute of ['tabindex', 'role', 'aria-label', 'aria-expanded', 'aria-hidden', 'focusable', 'class']) {
      copy.removeAttribute(attribute);
    }
  });
  const { width, height } = chartSize(svg);
  // The serializer writes the SVG namespace declaration itself; setting it too would duplicate it.
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(heading, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth || 800;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight || 400;
  return { width, height };
}

/** Renders SVG text to a PNG at `scale` × its size, through an image and a canvas. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
