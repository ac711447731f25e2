import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { auditEntrySchema, storyBundleSchema, storySummarySchema, verdictChangeEventSchema } from '@/domain/schemas';
import { serverProcessKit, signInOver, type ServerProcess } from './server-process-test-kit';
import { freshPostgresDatabase } from './store/store-test-kit';

const PASSWORD = 'a shared password';

/** Reads a change stream and resolves with the first event of `name` that `accept` takes. */
async function nextEvent(url: string, name: string, accept: (data: unknown) => boolean, ready: () => void) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/changes`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the change stream ended');
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'ready') ready();
        if (event === name && data && accept(JSON.parse(data))) return JSON.parse(data) as unknown;
      }
    }
  } finally {
    controller.abort();
  }
}

describe('several processes on one PostgreSQL database', () => {
  let kit: ReturnType<typeof serverProcessKit>;
  let drop = async () => {};
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const database = await freshPostgresDatabase();
    drop = () => database.drop();
    kit = serverProcessKit(database.url);
    // Started together on an empty database: the migrations and the seeding run once.
    [a, b] = await Promise.all([kit.start(), kit.start()]);
    const added = kit.addEditor('alice', PASSWORD);
    expect(added.status, added.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await kit.stopAll();
    await drop();
  });

  it('serve the same story, share sessions, and accept exactly one of 20 concurrent changes', async () => {
    const stories = await Promise.all([a, b].map(async (p) => (await fetch(`${p.url}/api/stories`)).json()));
    expect(stories[0]).toEqual(stories[1]);
    const [summary] = z.array(storySummarySchema).parse(stories[0]);
    const bundle = storyBundleSchema.parse(await (await fetch(`${a.url}/api/stories/${summary!.id}`)).json());
    const claim = bundle.claims[0]!;

    // Signed in through one process is signed in on the other.
    const cookie = await signInOver(a.url, 'alice', PASSWORD);
    const session = await (await fetch(`${b.url}/api/session`, { headers: { Cookie: cookie } })).json();
    expect(session).toEqual({ user: { username: 'alice', role: 'editor' } });

    const historyOf = async () =>
      z.array(auditEntrySchema).parse(await (await fetch(`${b.url}/api/claims/${claim.id}/history`)).json());
    const before = await historyOf();

    let streamReady = () => {};
    const listening = new Promise<void>((resolve) => (streamReady = resolve));
    const seenOnB = nextEvent(
      b.url,
      'verdict',
      (data) => verdictChangeEventSchema.parse(data).claim === claim.id,
      () => streamReady(),
    );
    await listening;

    const version = claim.verdict.version;
    const sentAt = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await fetch(`${(i % 2 ? b : a).url}/api/claims/${claim.id}/verdict`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', Cookie: cookie, 'If-Match': `"${version}"` },
          body: JSON.stringify({ status: 'disputed', note: `change ${i}` }),
        });
        return response.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect(await historyOf()).toHaveLength(before.length + 1);

    // The accepted change reaches a live stream on the other process too (whichever took it),
    // within a bound generous enough for a loaded machine; the latency itself is printed.
    const bound = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no change event on the other process within 10 s')), 10_000).unref(),
    );
    const event = verdictChangeEventSchema.parse(await Promise.race([seenOnB, bound]));
    const latencyMs = performance.now() - sentAt;
    expect(event.version).toBe(version + 1);
    console.log(`change stream latency across processes: ${latencyMs.toFixed(0)} ms`);
  }, 60_000);

  it('stop a brute force spread over both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(`${(i % 2 ? b : a).url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: `guess ${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toContain(429);
  }, 60_000);
});
