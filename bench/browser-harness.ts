import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium-options';
import { startServer } from '../server/start-server';
import { traceMainThread, type MainThreadWork } from './main-thread-trace';

export type BrowserBenchContext = {
  page: Page;
  baseUrl: string;
  /**
   * Runs `action` (which must itself wait until the UI shows its result) and returns the
   * main-thread task time it caused in the page, in milliseconds, measured by Chromium
   * (CDP Performance.getMetrics TaskDuration) until the page is idle again.
   */
  measure: (action: () => Promise<void>) => Promise<number>;
  /**
   * The main thread's work from a page that has gone quiet (see QUIET) through `action` to the
   * page gone quiet again, from Chromium's trace of the page's tasks (traceMainThread): every
   * task counts — script, style, layout, paint, garbage collection, and what the action left
   * for later (effects, idle-time work, answers arriving and being drawn), also the bench's own
   * polls of the page (a selector tested per animation frame, well under a millisecond each) —
   * none of what was still running from before.
   */
  measureUntilIdle: (action: () => Promise<void>) => Promise<MainThreadWork>;
};

/** Quiet: under `workMs` of main-thread tasks (CDP TaskDuration) in `windowMs`, waited for at most `maxMs`. */
const QUIET = { windowMs: 250, workMs: 3, maxMs: 10_000 };

const ROOT = join(import.meta.dirname, '..');
const BENCH_DIST = join(ROOT, 'bench', '.cache', 'dist');

/** Builds the app for benchmarks once per run (production build, as served by npm start). */
async function ensureBuilt(): Promise<string> {
  if (!existsSync(join(BENCH_DIST, 'index.html')) || process.env.BENCH_REBUILD !== '0') {
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: BENCH_DIST, emptyOutDir: true } });
  }
  return BENCH_DIST;
}

let built: Promise<string> | null = null;

/**
 * Serves the app over the database at `databasePath` on a loopback port and opens it in
 * Chromium; everything is closed when `run` ends.
 */
export async function withBrowserOnDatabase<T>(
  databasePath: string,
  run: (context: BrowserBenchContext) => Promise<T>,
): Promise<T> {
  built ??= ensureBuilt();
  const distDir = await built;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databasePath,
    distDir,
    corpus: { outlets: [], actors: [], stories: [] },
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
    };
    const settle = () =>
      page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
          ),
      );
    const measure = async (action: () => Promise<void>) => {
      await settle();
      const before = await taskSeconds();
      await action();
      await settle();
      return (await taskSeconds()) * 1000 - before * 1000;
    };
    /** Until a window with under QUIET.workMs of tasks, or QUIET.maxMs. */
    const quiet = async () => {
      const until = Date.now() + QUIET.maxMs;
      let last = await taskSeconds();
      while (Date.now() < until) {
        await page.waitForTimeout(QUIET.windowMs);
        const now = await taskSeconds();
        if ((now - last) * 1000 < QUIET.workMs) return;
        last = now;
      }
    };
    const measureUntilIdle = async (action: () => Promise<void>) => {
      await quiet();
      return traceMainThread(cdp, async () => {
        await action();
        await quiet();
      });
    };
    return await run({ page, baseUrl: server.url, measure, measureUntilIdle });
  } finally {
    await browser.close();
    await server.close();
  }
}
