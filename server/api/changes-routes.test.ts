import { describe, expect, it } from 'vitest';
import { verdictChangeEventSchema } from '@/domain/schemas';
import { createTestApi } from './api-test-kit';
import type { FeedEvent } from './change-feed';

/** Reads a server-sent event stream until `until` returns true for the text received so far. */
async function readUntil(body: ReadableStream<Uint8Array>, until: (text: string) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) return { text, done: true, reader };
    text += decoder.decode(value, { stream: true });
  }
  return { text, done: false, reader };
}

const events = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('event: verdict'))
    .map((block) => verdictChangeEventSchema.parse(JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null')));

describe('GET /api/changes', () => {
  it('sends one event per accepted change, with the claim, its story and new version', async () => {
    const api = await createTestApi();
    const response = await api.app.request('/api/changes');
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = response.body!;
    const ready = await readUntil(body, (text) => text.includes('event: ready'));
    expect(ready.text).toMatch(/retry: 1000/);
    ready.reader.releaseLock();

    const alice = await api.signIn('alice');
    await api.patchVerdict('deal', { status: 'disputed' }, { cookie: alice, ifMatch: '"1"' });
    await api.patchVerdict('deal', { status: 'verified' }, { cookie: alice, ifMatch: '"1"' }); // stale: no event
    await api.patchVerdict('meet-again', { status: 'verified' }, { cookie: alice, ifMatch: '"1"' });

    const { text, reader } = await readUntil(body, (t) => events(t).length >= 2);
    expect(events(text)).toEqual([
      { claim: 'deal', story: 'fixture-story', version: 2, verdict: expect.objectContaining({ status: 'disputed' }) },
      {
        claim: 'meet-again',
        story: 'fixture-story',
        version: 2,
        verdict: expect.objectContaining({ editor: 'alice' }),
      },
    ]);
    await reader.cancel();
  });

  it('sends heartbeats, stops listening when the client goes, and ends when the server shuts the feed', async () => {
    const api = await createTestApi({ heartbeatMs: 1 });
    const first = await api.app.request('/api/changes');
    const beat = await readUntil(first.body!, (text) => text.includes(': heartbeat'));
    expect(api.changes.listeners).toBe(1);
    await beat.reader.cancel();
    await expect.poll(() => api.changes.listeners).toBe(0);

    const second = await api.app.request('/api/changes');
    const ready = await readUntil(second.body!, (text) => text.includes('event: ready'));
    ready.reader.releaseLock();
    api.changes.close();
    const rest = await readUntil(second.body!, () => false);
    expect(rest.done).toBe(true);
  });
});

describe('GET /api/changes with clients that do not keep up', () => {
  const verdictEvent = (i: number) =>
    ({
      name: 'verdict',
      data: { claim: `claim-${i}`, story: 'fixture-story', version: i, verdict: { status: 'disputed' } },
    }) as unknown as FeedEvent;

  it('drops a client that stops reading once its queue is full, and frees it', async () => {
    const api = await createTestApi({ maxQueuedChanges: 20 });
    const paused = await api.app.request('/api/changes');
    const ready = await readUntil(paused.body!, (text) => text.includes('event: ready'));
    expect(api.changes.listeners).toBe(1);
    // The client reads nothing more: every change waits for it, until the limit.
    for (let i = 0; i < 200; i += 1) api.changes.publish(verdictEvent(i));
    await expect.poll(() => api.changes.listeners).toBe(0);
    const rest = await readUntil(paused.body!, () => false).catch(() => ({ done: true }));
    expect(rest.done).toBe(true);
    ready.reader.releaseLock();

    // A client that reads gets every change of a burst below the limit.
    const reading = await api.app.request('/api/changes');
    const start = await readUntil(reading.body!, (text) => text.includes('event: ready'));
    start.reader.releaseLock();
    for (let i = 0; i < 15; i += 1) api.changes.publish(verdictEvent(i));
    const all = await readUntil(reading.body!, (text) => (text.match(/event: verdict/g) ?? []).length >= 15);
    expect(all.done).toBe(false);
    await all.reader.cancel();
  });

  it('drops a client whose heartbeat is still unsent at the next one', async () => {
    const api = await createTestApi({ heartbeatMs: 5 });
    const paused = await api.app.request('/api/changes');
    const ready = await readUntil(paused.body!, (text) => text.includes('event: ready'));
    ready.reader.releaseLock();
    await expect.poll(() => api.changes.listeners).toBe(0);
  });

  it('refuses a stream over the cap with 503 and takes one again once a stream ends', async () => {
    const api = await createTestApi({ maxChangeStreams: 2 });
    const first = await api.app.request('/api/changes');
    const second = await api.app.request('/api/changes');
    const third = await api.app.request('/api/changes');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('30');
    expect((await third.json()).error.code).toBe('too_many_streams');
    await (await readUntil(first.body!, (text) => text.includes('event: ready'))).reader.cancel();
    await expect.poll(() => api.changes.listeners).toBe(1);
    const again = await api.app.request('/api/changes');
    expect(again.status).toBe(200);
    await again.body!.cancel();
    await second.body!.cancel();
  });
});
