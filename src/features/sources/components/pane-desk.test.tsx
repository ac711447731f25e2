import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoryBundle } from '@/domain/schemas';
import { recordApiRequests } from '@/test/api-requests';
import { serveEditorialApi, signInThroughApi } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';
import { resetSourcesUi } from '../store/sources-ui-store';

const INN = '000_8afd1a478485ac90';
const JPOST = '002_2c3146867d4d03b4';
const SLOW = { timeout: 8000 };

const bundle = async () =>
  (await (await fetch(new URL('/api/stories/rafah-scg-2024', window.location.origin))).json()) as StoryBundle;

/** The Sources view with two articles, as `who` (an editor unless told), its first pane's text loaded. */
async function openSources(who: 'alice' | 'rita' = 'alice') {
  await signInThroughApi(who);
  const rendered = renderApp(`/?story=rafah-scg-2024&panes=${INN},${JPOST}`);
  const text = await screen.findByRole('region', { name: 'Text of Israel National News' }, SLOW);
  await waitFor(() => expect(text.querySelector('mark')).not.toBeNull(), SLOW);
  const pane = text.closest('article')!;
  return { ...rendered, text, pane };
}

/** Selects part of the first long run of the article's text, cutting words at both ends. */
function selectInside(text: HTMLElement, { last = false } = {}) {
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  for (const node of last ? nodes.reverse() : nodes) {
    if ((node.textContent ?? '').length > 45 && !node.parentElement?.closest('.visually-hidden, mark')) {
      const range = document.createRange();
      range.setStart(node, 3);
      range.setEnd(node, 40);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
      return;
    }
  }
  throw new Error('no plain text to select');
}

beforeEach(async () => {
  resetSourcesUi();
  await serveEditorialApi();
});

describe('recording evidence by selecting words in Sources', { timeout: 30_000 }, () => {
  it('shows a reader nothing new', async () => {
    const { text, pane } = await openSources('rita');
    selectInside(text);
    expect(within(pane).queryByRole('toolbar', { name: /Evidence tools/ })).toBeNull();
    expect(within(pane).queryByRole('button', { name: /selected words/ })).toBeNull();
  });

  it('makes a new claim from the selected words, snapped to whole words, with Undo', async () => {
    const { user, text, pane } = await openSources();
    const toolbar = await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    selectInside(text);
    await user.click(await within(toolbar).findByRole('button', { name: /^Use the selected words/ }));
    const dialog = within(pane).getByRole('dialog', { name: /The selected words in Israel National News/ });
    expect(within(dialog).getByRole('button', { name: 'Evidence for…' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'New claim from this' }));
    const form = within(dialog).getByRole('form', { name: 'New claim from the selected words' });
    const before = await bundle();

    // Bad input: a clear error naming the field, and nothing stored.
    await user.click(within(form).getByRole('button', { name: 'Create the claim' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Topic: name a topic.');
    expect(within(form).getByLabelText(/^Topic/)).toHaveAttribute('aria-invalid', 'true');
    expect((await bundle()).claims).toHaveLength(before.claims.length);

    await user.clear(within(form).getByLabelText('Wording of the claim'));
    await user.type(within(form).getByLabelText('Wording of the claim'), 'Officials met on Thursday.');
    await user.type(within(form).getByLabelText(/^Topic/), 'Meetings');
    await user.selectOptions(within(form).getByLabelText('Stance'), 'asserts');
    await user.click(within(form).getByRole('button', { name: 'Create the claim' }));
    const notice = await within(pane).findByText(/New claim “Officials met on Thursday\.” recorded/, {}, SLOW);

    const after = await bundle();
    const claim = after.claims.find((c) => c.text === 'Officials met on Thursday.');
    expect(claim?.topic).toBe('Meetings');
    const mention = after.mentions.find((m) => m.claim === claim?.id);
    expect(mention).toMatchObject({ article: INN, stance: 'asserts' });
    const span = mention!.spans[0]!;
    expect(span.exact).toMatch(/^[\p{L}\p{N}]/u);
    expect(span.exact).toMatch(/[\p{L}\p{N}.,;:”’)]$/u);

    await user.click(within(notice.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await within(pane).findByText('Undone.', {}, SLOW);
    const undone = await bundle();
    expect(undone.claims).toHaveLength(before.claims.length);
    expect(undone.mentions).toHaveLength(before.mentions.length);
  });

  it('records evidence for an existing claim found by search, and refuses without a claim', async () => {
    const { user, text, pane } = await openSources();
    await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    selectInside(text);
    await user.click(await within(pane).findByRole('button', { name: /^Use the selected words/ }));
    const form = within(pane).getByRole('form', { name: 'Evidence for a claim' });
    const before = await bundle();
    await user.click(within(form).getByRole('button', { name: 'Record evidence' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Claim: choose the claim');
    expect((await bundle()).mentions).toHaveLength(before.mentions.length);

    await user.type(within(form).getByRole('searchbox', { name: 'Find a claim' }), 'green light');
    const picker = within(form).getByRole('listbox', { name: 'Claim' });
    const options = within(picker).getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    expect(options.length - 1).toBeLessThan(before.claims.length);
    const wanted = options.find((o) => /green light/i.test(o.textContent ?? ''))!;
    await user.selectOptions(picker, wanted);
    await user.selectOptions(within(form).getByLabelText('Stance'), 'denies');
    await user.click(within(form).getByRole('button', { name: 'Record evidence' }));
    await within(pane).findByText(
      /^Evidence for “.*green light.*” recorded in Israel National News \(denies\)/,
      {},
      SLOW,
    );
    expect((await bundle()).mentions).toHaveLength(before.mentions.length + 1);
  });

  it('shows recorded evidence in its pane at once, refetching that article’s evidence and not the other pane’s', async () => {
    const { user, text, pane } = await openSources();
    await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    const jpost = await screen.findByRole('region', { name: 'Text of The Jerusalem Post' }, SLOW);
    await waitFor(() => expect(jpost.querySelector('mark')).not.toBeNull(), SLOW);
    const marks = text.querySelectorAll('mark.hl').length;
    selectInside(text);
    await user.click(await within(pane).findByRole('button', { name: /^Use the selected words/ }));
    const form = within(pane).getByRole('form', { name: 'Evidence for a claim' });
    const picker = within(form).getByRole('listbox', { name: 'Claim' });
    await user.selectOptions(picker, within(picker).getAllByRole('option')[1]!);
    const requests = recordApiRequests();
    await user.click(within(form).getByRole('button', { name: 'Record evidence' }));
    await within(pane).findByText(/^Evidence for “.*” recorded in Israel National News/, {}, SLOW);
    await waitFor(() => expect(text.querySelectorAll('mark.hl').length).toBeGreaterThan(marks), SLOW);
    const evidence = requests.filter((path) => path.includes('/evidence?'));
    expect(evidence).toContain(`/api/stories/rafah-scg-2024/evidence?article=${INN}`);
    expect(evidence.filter((path) => path.includes(JPOST))).toEqual([]);
  });

  it('proposes an event’s date from the sentence, and refuses an event without a title', async () => {
    const { user, text, pane } = await openSources();
    await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    // The sentence with "on Thursday" in it.
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !(node.textContent ?? '').includes('on Thursday')) node = walker.nextNode();
    expect(node).not.toBeNull();
    const at = node!.textContent!.indexOf('on Thursday');
    const range = document.createRange();
    range.setStart(node!, at);
    range.setEnd(node!, at + 'on Thursday'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));

    await user.click(await within(pane).findByRole('button', { name: /^Use the selected words/ }));
    await user.click(within(pane).getByRole('button', { name: 'Event from this sentence' }));
    const form = within(pane).getByRole('form', { name: 'Event from this sentence' });
    const proposed = within(form).getByRole('group', { name: 'Date (proposed from the sentence)' });
    expect(within(proposed).getAllByRole('radio')[0]).toBeChecked();
    expect(proposed).toHaveTextContent('“on Thursday”: 2024-04-18');
    const before = await bundle();
    await user.click(within(form).getByRole('button', { name: 'Add the event' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(/^Title:/);
    expect((await bundle()).events).toHaveLength(before.events.length);

    await user.type(within(form).getByLabelText('Title of the event'), 'Officials talk');
    await user.click(within(form).getByRole('button', { name: 'Add the event' }));
    await within(pane).findByText(/Event “Officials talk” added to the timeline \(2024-04-18\)/, {}, SLOW);
    const added = (await bundle()).events.find((e) => e.title === 'Officials talk');
    expect(added?.date.derivedFrom).toEqual({ article: INN, phrase: 'on Thursday' });
  });

  it('works from the keyboard: the pane’s bar opens the menu, Escape closes it and gives focus back', async () => {
    const { user, text, pane } = await openSources();
    const toolbar = await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    selectInside(text);
    const use = await within(toolbar).findByRole('button', { name: /^Use the selected words/ });
    use.focus();
    await user.keyboard('{Enter}');
    const dialog = within(pane).getByRole('dialog', { name: /The selected words in/ });
    expect(within(dialog).getByRole('button', { name: 'Evidence for…' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(pane).queryByRole('dialog')).toBeNull();
    expect(use).toHaveFocus();
  });

  it('adds words selected while a mention is open to its evidence', async () => {
    const { user, text, pane } = await openSources();
    await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    await user.click(text.querySelector('mark.hl:not(.hl--plain)')!);
    await user.click(await within(pane).findByRole('button', { name: /^Edit mention/ }, SLOW));
    const dialog = within(pane).getByRole('dialog', { name: /^Edit the mention of/ });
    await within(dialog).findByRole('form', { name: 'Stance in Israel National News' }, SLOW);
    const before = await bundle();
    selectInside(text, { last: true });
    await user.click(await within(dialog).findByRole('button', { name: /^Add “.+” to this mention’s evidence$/ }));
    await within(pane).findByText('Evidence span added.', {}, SLOW);
    const spans = (m: StoryBundle['mentions'][number]) => m.spans.length;
    const after = await bundle();
    expect(after.mentions.map(spans).reduce((a, b) => a + b)).toBe(
      before.mentions.map(spans).reduce((a, b) => a + b) + 1,
    );
  });

  it('offers an editor the mention editor for a highlight’s claim', async () => {
    const { user, text, pane } = await openSources();
    await within(pane).findByRole('toolbar', { name: /Evidence tools/ }, SLOW);
    await user.click(text.querySelector('mark.hl:not(.hl--plain)')!);
    const edit = await within(pane).findByRole('button', { name: /^Edit mention/ }, SLOW);
    await user.click(edit);
    const dialog = within(pane).getByRole('dialog', { name: /^Edit the mention of/ });
    expect(await within(dialog).findByRole('form', { name: 'Stance in Israel National News' }, SLOW)).toBeVisible();
    expect(within(dialog).getByRole('group', { name: /Attribution chain/ })).toBeVisible();
  });
});
