/**
 * The first view's initial JavaScript, gzipped, against the 100 KiB budget (PRODUCT.md).
 * Builds the app with Vite and follows the build manifest: the HTML entry and its static
 * imports, plus the Sources view's chunk (lazy in src/app/views.tsx, but the first view
 * loads it on start) and its static imports. Dynamic imports of other views are not counted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from 'vite';
import { kib } from './bench-format';
import type { BenchModule } from './bench-types';

export const INITIAL_JS_BUDGET_KIB = 100;
/** The view shown at '/', which src/app/views.tsx loads lazily. */
export const FIRST_VIEW_MODULE = 'src/features/sources/components/sources-view.tsx';

export type InitialScript = { file: string; loadedBy: string };

/**
 * The JavaScript files the first view loads on start, in load order, each with why: the entry
 * chunk and what it imports statically, the first view's chunk and what it imports statically,
 * and whatever else index.html loads as a module script or preload.
 */
export function initialScripts(manifest: Manifest, html: string, firstView: string): InitialScript[] {
  const found = new Map<string, string>();
  const visit = (key: string, origin: string, imported: boolean) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk "${key}"`);
    if (found.has(chunk.file)) return;
    found.set(chunk.file, imported ? `import of ${origin}` : origin);
    for (const next of chunk.imports ?? []) visit(next, origin, true);
  };

  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry && chunk.file.endsWith('.js'));
  if (entries.length === 0) throw new Error('the build manifest has no JavaScript entry');
  for (const [key] of entries) visit(key, `entry ${key}`, false);
  if (!manifest[firstView]) {
    throw new Error(`the build manifest has no chunk for the first view "${firstView}": update FIRST_VIEW_MODULE`);
  }
  visit(firstView, 'first view', false);
  for (const file of htmlScripts(html)) if (!found.has(file)) found.set(file, 'index.html');
  return [...found].map(([file, loadedBy]) => ({ file, loadedBy }));
}

/** The module scripts and module preloads of a built index.html, as paths relative to the build root. */
export function htmlScripts(html: string): string[] {
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag) && attr('type') === 'module';
    const isPreload = /^<link/i.test(tag) && attr('rel') === 'modulepreload';
    const url = isScript ? attr('src') : isPreload ? attr('href') : undefined;
    if (url && !/^[a-z]+:|^\/\//i.test(url)) files.push(url.replace(/^\.?\//, ''));
  }
  return files;
}

export const bundleSizeBench: BenchModule = {
  name: 'bundle',
  async run({ root }) {
    const vite = await import('vite');
    const outDir = mkdtempSync(join(tmpdir(), 'parallax-bench-build-'));
    try {
      await vite.build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const gzipped = (file: string) => {
        const bytes = readFileSync(join(outDir, file));
        return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      };

      const initial = initialScripts(manifest, html, FIRST_VIEW_MODULE).map((s) => ({ ...s, ...gzipped(s.file) }));
      const total = initial.reduce((sum, s) => sum + s.gzip, 0);
      const initialFiles = new Set(initial.map((s) => s.file));
      const lazy = [...new Set(Object.values(manifest).map((chunk) => chunk.file))]
        .filter((file) => file.endsWith('.js') && !initialFiles.has(file))
        .map((file) => ({ file, ...gzipped(file) }))
        .sort((a, b) => b.gzip - a.gzip);
      const withinBudget = total <= INITIAL_JS_BUDGET_KIB * 1024;

      return [
        {
          title: "First view's initial JavaScript (Sources view at '/', gzip level 9)",
          columns: ['file', 'loaded by', 'raw', 'gzip'],
          rows: [
            ...initial.map((s) => [s.file, s.loadedBy, kib(s.raw), kib(s.gzip)]),
            ['total', `${initial.length} files`, kib(initial.reduce((sum, s) => sum + s.raw, 0)), kib(total)],
          ],
          notes: [
            `${withinBudget ? 'OK' : 'OVER BUDGET'}: ${kib(total)} gzip of a ${INITIAL_JS_BUDGET_KIB} KiB budget ` +
              `(${((total / (INITIAL_JS_BUDGET_KIB * 1024)) * 100).toFixed(0)}%).`,
            `Not counted, loaded lazily: ${lazy.length} chunks, ${kib(lazy.reduce((sum, s) => sum + s.gzip, 0))} gzip` +
              (lazy[0] ? `; largest ${lazy[0].file} (${kib(lazy[0].gzip)}).` : '.'),
          ],
          failed: !withinBudget,
        },
      ];
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
