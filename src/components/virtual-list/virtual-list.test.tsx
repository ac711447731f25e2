import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from './virtual-list';
import { WINDOW_FROM } from './window-from';

const names = (count: number) => Array.from({ length: count }, (_, i) => `Item ${i}`);

function renderList(items: readonly string[], revealIndex?: number) {
  return render(
    <VirtualList
      items={items}
      itemKey={(item) => item}
      renderItem={(item) => <span>{item}</span>}
      estimateSize={40}
      className="test-list"
      label="Things"
      revealIndex={revealIndex}
    />,
  );
}

const shown = async () => within(await screen.findByRole('list', { name: 'Things' })).queryAllByRole('listitem');

describe('VirtualList', () => {
  // jsdom lays nothing out: the scroll box shows 400 px, every item is 40 px high.
  let restore: () => void = () => undefined;
  beforeEach(() => {
    const sizes = { clientHeight: 400, offsetHeight: 40 };
    const originals = Object.keys(sizes).map(
      (name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const,
    );
    for (const [name, px] of Object.entries(sizes))
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => px });
    restore = () => {
      for (const [name, original] of originals)
        if (original) Object.defineProperty(HTMLElement.prototype, name, original);
    };
  });
  afterEach(() => restore());

  it('renders a list shorter than the threshold whole', async () => {
    renderList(names(WINDOW_FROM - 1));
    expect(await shown()).toHaveLength(WINDOW_FROM - 1);
  });

  it('renders only a window of a list as long as the threshold, from its start', async () => {
    renderList(names(WINDOW_FROM));
    // The window is drawn once the scroll box has been measured.
    await waitFor(async () => expect((await shown()).length).toBeGreaterThan(0));
    const items = await shown();
    expect(items.length).toBeLessThan(WINDOW_FROM / 2);
    expect(items[0]).toHaveTextContent('Item 0');
    expect(screen.queryByText(`Item ${WINDOW_FROM - 1}`)).toBeNull();
  });
});
