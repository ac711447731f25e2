import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium-options';
import { startServer } from '../server/start-server';

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
   * Like `measure`, but from a page that has gone quiet to the page gone quiet again (see QUIET):
   * everything the action set off counts, also what it left for later (effects, idle-time work,
   * answers arriving and being drawn), none of what was still running from before.
   */
  measureUntilIdle: (action: () => Promise<void>) => Promise<number>;
};

/**
 * Quiet: under `workMs` of main-thread tasks in `windowMs`, checked for at most `maxMs`. What
 * counts is Chromium's TaskDuration, every task on the page's main thread — script, style,
 * layout, paint, garbage collection — including the bench's own polls of the page (a
 * selector tested per animation frame, well under a millisecond each); the last window, under
 * `workMs`, is counted too.
 */
const QUIET = { windowMs: 250, workMs: 3, maxMs: 30_000 };

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
    /** The task time at the end of the first quiet window; the last one seen when the page never went quiet. */
    const quiet = async () => {
      const until = Date.now() + QUIET.maxMs;
      let last = (await taskSeconds()) * 1000;
      while (Date.now() < until) {
        await page.waitForTimeout(QUIET.windowMs);
        const now = (await taskSeconds()) * 1000;
        if (now - last < QUIET.workMs) return now;
        last = now;
      }
      return last;
    };
    const measureUntilIdle = async (action: () => Promise<void>) => {
      const before = await quiet();
      await action();
      return (await quiet()) - before;
    };
    return await run({ page, baseUrl: server.url, measure, measureUntilIdle });
  } finally {
    await browser.close();
    await server.close();
  }
}
