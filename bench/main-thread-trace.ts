import type { CDPSession } from '@playwright/test';
import * as z from 'zod/mini';

/** The main-thread work of a stretch of time in a page, from Chromium's trace of its tasks. */
export type MainThreadWork = {
  /** CPU time of the main thread's tasks: what the page made the thread do, however busy the machine. */
  cpu: number;
  /** The same tasks by the clock, which a busy machine stretches (each task waits for a core too). */
  wall: number;
  /** The longest task by the clock: how long input could have waited at worst. */
  longest: number;
};

/**
 * The category of Chromium's top-level task events (RunTask, with their CPU time), alone, so the
 * trace records little more than those: a task is all the page's main thread runs at a time —
 * script, style, layout, paint, garbage collection.
 */
const CATEGORIES = 'disabled-by-default-devtools.timeline';

const traceEventSchema = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.optional(z.number()),
  dur: z.optional(z.number()),
  tdur: z.optional(z.number()),
  args: z.optional(z.object({ name: z.optional(z.string()) })),
});
type TraceEvent = z.infer<typeof traceEventSchema>;

/**
 * Traces the page's tasks while `during` runs and sums those of its main thread (the renderer's
 * CrRendererMain; the busiest one should there be several): top-level tasks only, each counted
 * once, in CPU time as the trace gives it (`tdur`) and by the clock (`dur`), in milliseconds.
 */
export async function traceMainThread(cdp: CDPSession, during: () => Promise<void>): Promise<MainThreadWork> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: unknown[] }) => {
    for (const raw of value) {
      const parsed = traceEventSchema.safeParse(raw);
      if (parsed.success && (parsed.data.ph === 'X' || parsed.data.ph === 'M')) events.push(parsed.data);
    }
  };
  cdp.on('Tracing.dataCollected', collect);
  try {
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await during();
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
  const mainThreads = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const works = mainThreads.map((thread) =>
    topLevelTasks(events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask')),
  );
  return works.sort((a, b) => b.wall - a.wall)[0] ?? { cpu: 0, wall: 0, longest: 0 };
}

function topLevelTasks(tasks: TraceEvent[]): MainThreadWork {
  const work: MainThreadWork = { cpu: 0, wall: 0, longest: 0 };
  let end = -Infinity;
  for (const task of [...tasks].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))) {
    const start = task.ts ?? 0;
    const dur = task.dur ?? 0;
    // A task run inside another (a nested run loop) is part of the outer one.
    if (start < end) continue;
    end = start + dur;
    work.wall += dur / 1000;
    work.cpu += (task.tdur ?? dur) / 1000;
    work.longest = Math.max(work.longest, dur / 1000);
  }
  return work;
}
