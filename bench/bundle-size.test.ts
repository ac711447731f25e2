import type { Manifest } from 'vite';
import { describe, expect, it } from 'vitest';
import { htmlScripts, initialScripts } from './bundle-size';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_vendor-b.js'],
    dynamicImports: ['src/sources-view.tsx', 'src/matrix-view.tsx'],
  },
  '_vendor-b.js': { file: 'assets/vendor-b.js' },
  '_shared-c.js': { file: 'assets/shared-c.js', imports: ['_vendor-b.js'] },
  '_chart-d.js': { file: 'assets/chart-d.js' },
  'src/sources-view.tsx': {
    file: 'assets/sources-view-e.js',
    src: 'src/sources-view.tsx',
    isDynamicEntry: true,
    imports: ['_shared-c.js', '_vendor-b.js'],
    dynamicImports: ['src/article-pane.tsx'],
  },
  'src/article-pane.tsx': { file: 'assets/article-pane-f.js', isDynamicEntry: true },
  'src/matrix-view.tsx': {
    file: 'assets/matrix-view-g.js',
    isDynamicEntry: true,
    imports: ['_shared-c.js', '_chart-d.js'],
  },
};

const html = `<!doctype html><html><head>
  <script type="module" crossorigin src="/assets/index-a.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
  <link rel="stylesheet" crossorigin href="/assets/index.css">
  <link rel="icon" href="/favicon.svg">
</head><body><script>window.x = 1</script></body></html>`;

describe('initialScripts', () => {
  it('counts the entry, the first view and their static imports, but no dynamic import', () => {
    expect(initialScripts(manifest, html, 'src/sources-view.tsx')).toEqual([
      { file: 'assets/index-a.js', loadedBy: 'entry index.html' },
      { file: 'assets/vendor-b.js', loadedBy: 'import of entry index.html' },
      { file: 'assets/sources-view-e.js', loadedBy: 'first view' },
      { file: 'assets/shared-c.js', loadedBy: 'import of first view' },
    ]);
  });

  it('adds module scripts of index.html that the manifest does not reach', () => {
    const extra = html.replace('</head>', '<link rel="modulepreload" href="/assets/polyfill.js"></head>');
    expect(initialScripts(manifest, extra, 'src/sources-view.tsx').at(-1)).toEqual({
      file: 'assets/polyfill.js',
      loadedBy: 'index.html',
    });
  });

  it('fails loudly when the first view is not in the build', () => {
    expect(() => initialScripts(manifest, html, 'src/moved-view.tsx')).toThrow(/FIRST_VIEW_MODULE/);
  });
});

describe('htmlScripts', () => {
  it('reads module scripts and module preloads, not styles, icons or inline scripts', () => {
    expect(htmlScripts(html)).toEqual(['assets/index-a.js', 'assets/vendor-b.js']);
  });
});
