import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoryBundle } from '@/domain/schemas';
import { claimQueries } from '../api/claim-queries';
import { storyQueries } from '../api/story-queries';
import { useLiveUpdates } from './use-live-updates';

/** Stands in for the browser's EventSource, which jsdom lacks. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data = '{}') {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.dispatchEvent(new Event('error'));
  }
}

const verdict = { status: 'unreviewed' as const, note: '', evidence: [], editor: null, at: null, version: 1 };
const bundle = {
  story: { id: 's', title: 'S', summary: '' },
  outlets: [],
  actors: [],
  articles: [],
  claims: [
    { id: 'c1', story: 's', text: 'One', topic: 't', verdict },
    { id: 'c2', story: 's', text: 'Two', topic: 't', verdict },
  ],
  mentions: [],
  events: [],
  passages: [],
} satisfies StoryBundle;

function Live() {
  useLiveUpdates();
  return null;
}

let client: QueryClient;
beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  client = new QueryClient();
  client.setQueryData(storyQueries.bundle('s').queryKey, bundle);
  client.setQueryData(claimQueries.history('c1').queryKey, []);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const renderLive = () =>
  render(
    <QueryClientProvider client={client}>
      <Live />
    </QueryClientProvider>,
  );
const cachedBundle = () => client.getQueryData<StoryBundle>(storyQueries.bundle('s').queryKey)!;
const change = (version: number, status = 'disputed') =>
  JSON.stringify({
    claim: 'c1',
    story: 's',
    version,
    verdict: { ...verdict, status, editor: 'bob', at: '2024-05-06T12:00:00.000Z', version },
  });

describe('live updates', () => {
  it('puts a changed verdict into the cached story and marks the claim history stale', () => {
    renderLive();
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/changes');
    const before = cachedBundle();
    act(() => source.emit('verdict', change(2)));
    const after = cachedBundle();
    expect(after.claims[0]!.verdict).toMatchObject({ status: 'disputed', editor: 'bob', version: 2 });
    expect(after.claims[1]).toBe(before.claims[1]);
    expect(client.getQueryState(claimQueries.history('c1').queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(storyQueries.bundle('s').queryKey)?.isInvalidated).toBe(true);
  });

  it('ignores an older version than the cached one, and events it cannot read', () => {
    renderLive();
    const source = FakeEventSource.instances[0]!;
    act(() => source.emit('verdict', change(3, 'false')));
    act(() => source.emit('verdict', change(2, 'verified')));
    act(() => source.emit('verdict', 'not json'));
    act(() => source.emit('verdict', JSON.stringify({ claim: 'c1' })));
    expect(cachedBundle().claims[0]!.verdict).toMatchObject({ status: 'false', version: 3 });
  });

  it('refetches everything once the connection is back after a drop, since changes may have been missed', () => {
    renderLive();
    const source = FakeEventSource.instances[0]!;
    act(() => source.emit('ready'));
    expect(client.getQueryState(storyQueries.bundle('s').queryKey)?.isInvalidated).toBe(false);
    act(() => source.fail(FakeEventSource.CONNECTING)); // the browser retries by itself
    expect(FakeEventSource.instances).toHaveLength(1);
    act(() => source.emit('ready'));
    expect(client.getQueryState(storyQueries.bundle('s').queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(claimQueries.history('c1').queryKey)?.isInvalidated).toBe(true);
  });

  it('reconnects with backoff when the browser gives up, and closes the stream on unmount', () => {
    vi.useFakeTimers();
    const { unmount } = renderLive();
    act(() => FakeEventSource.instances[0]!.fail(FakeEventSource.CLOSED));
    expect(FakeEventSource.instances).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => FakeEventSource.instances[1]!.fail(FakeEventSource.CLOSED));
    act(() => {
      vi.advanceTimersByTime(1_999);
    });
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(FakeEventSource.instances).toHaveLength(3);
    unmount();
    expect(FakeEventSource.instances[2]!.readyState).toBe(FakeEventSource.CLOSED);
  });
});
