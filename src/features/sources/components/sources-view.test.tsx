import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledStory } from '../../../../server/corpus/corpus-test-kit';
import { recordApiRequests } from '@/test/api-requests';
import { renderApp } from '@/test/render-app';
import { resetSourcesUi, useSourcesUi } from '../store/sources-ui-store';

const INN = '000_8afd1a478485ac90';
const IBT = '001_2550a2c150cccb37';
const JPOST = '002_2c3146867d4d03b4';
const NYT = '003_f7a75abec57e02c2';
const DEAL = 'us-accepts-rafah-for-no-iran-strike';
const DEAL_TEXT = /US agreed to accept an Israeli military operation in Rafah/;

const search = () => new URLSearchParams(window.location.search);
const paneOf = (outlet: string) => {
  const found = screen.getAllByRole('article').find((a) => a.querySelector('.pane__outlet')?.textContent === outlet);
  if (!found) throw new Error(`no pane for ${outlet}`);
  return found;
};
/** Panes load their code and text in parallel; on a busy machine that takes more than a second. */
const SLOW = { timeout: 5000 };
const textOf = (outlet: string) => screen.findByRole('region', { name: `Text of ${outlet}` }, SLOW);
const announced = () => useSourcesUi.getState().announcement.text;

/** Waits until a pane's text has loaded and its marks are drawn. */
async function loadedText(outlet: string) {
  const text = await textOf(outlet);
  await waitFor(() => expect(text.querySelector('mark')).not.toBeNull(), SLOW);
  return text;
}

const STORY_PATH = '/api/stories/rafah-scg-2024';
const evidenceOf = (article: string) => `${STORY_PATH}/evidence?article=${article}`;

beforeEach(() => resetSourcesUi());

describe('the Sources view', () => {
  it('opens the first two articles when the link names none', async () => {
    renderApp('/');
    await screen.findByRole('region', { name: /Articles \(5\)/ });
    expect(
      (await screen.findAllByRole('article', {}, SLOW)).map((a) => a.querySelector('.pane__outlet')?.textContent),
    ).toEqual(['Israel National News', 'International Business Times']);
    expect(screen.getByRole('checkbox', { name: /^Israel National News/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^The New York Times/ })).not.toBeChecked();
  });

  it('reads the story’s overview and the evidence of the open articles only, never the whole story', async () => {
    const requests = recordApiRequests();
    const { user } = renderApp(`/?panes=${INN},${IBT}&claim=${DEAL}`);
    await loadedText('Israel National News');
    await loadedText('International Business Times');
    expect(within(paneOf('International Business Times')).getByText(/the selected claim · 3 spans/)).toBeVisible();
    // What of the story was read (the test client keeps nothing fresh, so a read may repeat).
    const readOfStory = () => new Set(requests.filter((path) => path.startsWith(STORY_PATH)));
    expect(readOfStory()).toEqual(new Set([`${STORY_PATH}/overview`, evidenceOf(INN), evidenceOf(IBT)]));

    // Opening a third article reads its evidence, and no other article's.
    requests.length = 0;
    await user.click(screen.getByRole('checkbox', { name: /^The New York Times/ }));
    await loadedText('The New York Times');
    expect([...readOfStory()].filter((path) => path.includes('/evidence'))).toEqual([evidenceOf(NYT)]);
    expect(readOfStory()).not.toContain(STORY_PATH);
  });

  it('follows a passage the link names, even when no open article carries it', async () => {
    const { bundle } = bundledStory();
    const passage = bundle.passages.find((p) =>
      p.spans.every((span) => span.article === INN || span.article === JPOST),
    );
    if (!passage) throw new Error('no passage of INN and JPOST only');
    const requests = recordApiRequests();
    renderApp(`/?panes=${IBT},${NYT}&passage=${passage.id}`);
    const bar = await screen.findByRole('region', { name: 'Shared passage in 2 articles' }, SLOW);
    expect(within(bar).getByRole('button', { name: 'Open Israel National News' })).toBeEnabled();
    expect(within(bar).getByRole('button', { name: 'Open The Jerusalem Post' })).toBeEnabled();
    expect(requests).toContain(`${STORY_PATH}/passages/${passage.id}`);
    expect(screen.queryByText(/No shared passage/)).toBeNull();
  });

  it('names a passage the link follows that the story lacks, once the server said so', async () => {
    const requests = recordApiRequests();
    renderApp(`/?panes=${INN},${JPOST}&passage=passage-none`);
    expect(await screen.findByText(/No shared passage passage-none in this story/, {}, SLOW)).toBeInTheDocument();
    expect(requests).toContain(`${STORY_PATH}/passages/passage-none`);
    expect(screen.queryByRole('region', { name: /Shared passage in/ })).toBeNull();
  });

  it('highlights a claim in every pane and marks the silent pane', async () => {
    renderApp(`/?panes=${INN},${IBT},${NYT}&claim=${DEAL}`);
    expect(await screen.findByRole('heading', { level: 2, name: DEAL_TEXT }, SLOW)).toBeInTheDocument();
    const inn = await loadedText('Israel National News');
    const ibt = await loadedText('International Business Times');
    const nyt = await loadedText('The New York Times');
    expect(inn.querySelectorAll('.hl--selected').length).toBeGreaterThan(0);
    expect(ibt.querySelectorAll('.hl--selected').length).toBeGreaterThan(0);
    expect(nyt.querySelectorAll('.hl--selected')).toHaveLength(0);
    // IBT both reports the deal and relays the officials' denial of it.
    const ibtPane = paneOf('International Business Times');
    expect(within(ibtPane).getByText(/the selected claim · 3 spans/)).toHaveTextContent(/reports.*denies/);
    expect(ibt.querySelector('.hl--selected.hl--denies')).toHaveTextContent(/flatly denied reports/);
    expect(within(paneOf('The New York Times')).getByText(/does not mention the selected claim/)).toBeInTheDocument();
    expect(within(paneOf('Israel National News')).queryByText(/does not mention/)).toBeNull();
  });

  it('selects a claim from the list, and back walks through the selections', async () => {
    const { user } = renderApp(`/?panes=${INN},${JPOST}`);
    const claims = await screen.findByRole('region', { name: /Claims/ });
    await user.click(within(claims).getByRole('link', { name: /agreed on the shared objective of seeing Hamas/ }));
    expect(search().get('claim')).toBe('shared-objective-hamas-defeated');
    expect(announced()).toMatch(/Evidence in 2 of 2 open articles/);
    await user.click(within(claims).getByRole('link', { name: DEAL_TEXT }));
    expect(search().get('claim')).toBe(DEAL);
    // The Jerusalem Post contradicts the deal, so both open articles carry it.
    expect(announced()).toMatch(/Evidence in 2 of 2 open articles/);
    window.history.back();
    await waitFor(() => expect(search().get('claim')).toBe('shared-objective-hamas-defeated'));
    expect(within(claims).getByRole('link', { current: true })).toHaveAccessibleName(/shared objective/);
    window.history.back();
    await waitFor(() => expect(search().get('claim')).toBeNull());
  });

  it('selects the claim of a clicked highlight, then the next claim on the same words', async () => {
    const { user } = renderApp(`/?panes=${JPOST},${INN}`);
    const jpost = await loadedText('The Jerusalem Post');
    const overlapped = [...jpost.querySelectorAll<HTMLElement>('mark.hl--overlap')].find((m) =>
      m.textContent?.includes('This holds true regardless'),
    );
    expect(overlapped).toBeDefined();
    await user.click(overlapped as HTMLElement);
    expect(search().get('claim')).toBe('no-green-light-regardless-of-iran');
    await user.click(overlapped as HTMLElement);
    expect(search().get('claim')).toBe(DEAL);
  });

  it('follows a shared passage from one pane to the others', async () => {
    const { user } = renderApp(`/?panes=${INN},${JPOST},${NYT}`);
    const inn = await loadedText('Israel National News');
    const requests = recordApiRequests();
    const link = within(inn).getByRole('button', {
      name: 'Shared passage, also in The Jerusalem Post and The New York Times',
    });
    await user.click(link);
    const bar = await screen.findByRole('region', { name: /Shared passage in 3 articles/ }, SLOW);
    expect(bar).toHaveTextContent(/expressed concerns with various courses of action in Rafah/);
    expect(announced()).toBe('Shared passage shown in The Jerusalem Post and The New York Times.');
    // The open panes' evidence holds it: nothing more is read.
    expect(requests.filter((path) => path.startsWith(STORY_PATH))).toEqual([]);
    const nyt = await loadedText('The New York Times');
    expect(nyt.querySelector('.hl--followed')).toHaveTextContent(/U\.S\. participants expressed concerns/);
    await user.click(within(bar).getByRole('button', { name: 'Close the shared passage' }));
    expect(screen.queryByRole('region', { name: /Shared passage in/ })).toBeNull();
  });

  it('opens, moves and closes panes through the URL', async () => {
    const { user } = renderApp(`/?panes=${INN},${IBT}`);
    await screen.findAllByRole('article', {}, SLOW);
    await user.click(screen.getByRole('checkbox', { name: /^The New York Times/ }));
    expect(search().get('panes')).toBe(`${INN},${IBT},${NYT}`);
    expect(announced()).toBe('The New York Times opened in pane 3.');
    await user.click(screen.getByRole('button', { name: 'Move The New York Times left' }));
    expect(search().get('panes')).toBe(`${INN},${NYT},${IBT}`);
    expect(screen.getByRole('button', { name: 'Move The New York Times left' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Close Israel National News' }));
    expect(search().get('panes')).toBe(`${NYT},${IBT}`);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Move The New York Times left' })).toBeDisabled();
  });

  it('does not open a sixth pane', async () => {
    renderApp(`/?panes=000_8afd1a478485ac90,${IBT},${JPOST},${NYT},004_7280a6711755d420`);
    await screen.findAllByRole('article', {}, SLOW);
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(screen.getByText('5 articles are open: close one to open another.')).toBeInTheDocument();
  });

  it('filters the claim list by topic and by stance in the open articles, in the URL', async () => {
    const { user } = renderApp(`/?panes=${INN},${IBT}`);
    const claims = await screen.findByRole('region', { name: /Claims/ });
    await user.click(within(claims).getByText(/^Topics/));
    await user.click(within(claims).getByRole('checkbox', { name: 'Reported deal' }));
    expect(search().getAll('topic')).toEqual(['Reported deal']);
    expect(
      within(claims)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      expect.stringMatching(DEAL_TEXT),
      expect.stringMatching(/declined to comment/),
      expect.stringMatching(/will not back a Rafah plan/),
    ]);
    await user.click(within(claims).getByRole('checkbox', { name: /denies/ }));
    expect(search().get('stance')).toBe('denies');
    expect(within(claims).getAllByRole('link')).toHaveLength(1);
    await user.click(within(claims).getByRole('button', { name: 'Clear filters' }));
    expect(search().get('stance')).toBeNull();
    expect(search().get('topic')).toBeNull();
  });

  it('walks the claims with j and k, and the spans of a pane with n and p', async () => {
    const { user } = renderApp(`/?panes=${INN},${IBT}`);
    const ibt = await loadedText('International Business Times');
    ibt.focus();
    await user.keyboard('j');
    const first = search().get('claim');
    expect(first).toBe('scg-virtual-meeting-18-april');
    await user.keyboard('j');
    // IBTimes wrote before the meeting: it carries the scheduled meeting, not the held one.
    expect(search().get('claim')).toBe('scg-18-april-meeting-scheduled');
    await user.keyboard('k');
    expect(search().get('claim')).toBe(first);
    await user.keyboard('j');
    await user.keyboard('n');
    expect(within(paneOf('International Business Times')).getByText('Span 1 of 1')).toBeInTheDocument();
    expect(document.activeElement).toHaveTextContent(/high-level virtual meeting on Thursday/);
    expect(document.activeElement).toHaveAccessibleDescription(/Source: .*International Business Times/);
  });

  it('moves between the panes with ] and [, and skips to the panes from the top', async () => {
    const { user } = renderApp(`/?panes=${INN},${IBT}`);
    const inn = await loadedText('Israel National News');
    const ibt = await loadedText('International Business Times');
    await user.click(screen.getByRole('link', { name: 'Skip to the articles’ text' }));
    expect(inn).toHaveFocus();
    await user.keyboard(']');
    expect(ibt).toHaveFocus();
    await user.keyboard(']');
    expect(inn).toHaveFocus();
    await user.keyboard('[[');
    expect(ibt).toHaveFocus();
  });

  it('lets the single-key shortcuts be turned off', async () => {
    const { user } = renderApp(`/?panes=${INN},${IBT}`);
    const ibt = await loadedText('International Business Times');
    await user.click(screen.getByText('Keys'));
    await user.click(await screen.findByRole('checkbox', { name: /Single-key shortcuts/ }, SLOW));
    ibt.focus();
    await user.keyboard('j');
    expect(search().get('claim')).toBeNull();
  });

  it('opens a supporting and an opposing article when a link names a claim but no panes', async () => {
    const { user } = renderApp(`/?claim=${DEAL}`);
    await screen.findByRole('heading', { level: 2, name: DEAL_TEXT }, SLOW);
    expect((await screen.findAllByRole('article', {}, SLOW)).map((a) => a.getAttribute('data-article'))).toEqual([
      INN,
      IBT,
    ]);
    const claims = screen.getByRole('region', { name: /Claims/ });
    await user.click(within(claims).getByRole('link', { name: /shared objective of seeing Hamas/ }));
    // The panes chosen for the first claim stay when the selection moves on.
    expect(search().get('panes')).toBe(`${INN},${IBT}`);
  });

  it('offers to open the other articles that carry the selected claim', async () => {
    const { user } = renderApp(`/?panes=${INN},${NYT}&claim=us-concerns-rafah`);
    const panel = await screen.findByRole('region', { name: /US participants expressed concerns/ }, SLOW);
    await user.click(within(panel).getByRole('button', { name: /^Open The Jerusalem Post/ }));
    expect(search().get('panes')).toBe(`${INN},${NYT},${JPOST}`);
  });

  it('says so when the link names a claim or an article the story does not have', async () => {
    const { user } = renderApp(`/?panes=${INN},no-such-article&claim=no-such-claim`);
    expect(await screen.findByText(/This story has no claim “no-such-claim”/, {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/Not in this story, so not shown: no-such-article/)).toBeInTheDocument();
    expect(screen.getByText(/no claim with this id in this story/)).toBeInTheDocument();
    await loadedText('Israel National News');
    // An unknown claim selects nothing: no pane claims to "not mention" it.
    expect(screen.queryByText(/does not mention the selected claim/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear the selection' }));
    expect(search().get('claim')).toBeNull();
  });

  it('says so when the filters leave the selected claim out of the list, and clears them', async () => {
    const { user } = renderApp(`/?panes=${INN},${IBT}&claim=${DEAL}&topic=No%20such%20topic`);
    expect(await screen.findByRole('heading', { level: 2, name: DEAL_TEXT }, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/no claim in this story has this topic/)).toBeInTheDocument();
    expect(screen.getByText(/The filters leave the selected claim out of the list/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(search().get('topic')).toBeNull();
    expect(search().get('claim')).toBe(DEAL);
    expect(screen.queryByText(/The filters leave the selected claim out/)).toBeNull();
  });

  it('marks the searched words in the article text, counts them and steps through them', async () => {
    const { user } = renderApp(`/?panes=${INN},${NYT}&q=strike%20IRAN`);
    const inn = await loadedText('Israel National News');
    const pane = paneOf('Israel National News');
    const count = within(pane).getByText(/\d+ match(es)? for “strike IRAN”/);
    const total = Number(/(\d+)/.exec(count.textContent ?? '')?.[1]);
    const hits = inn.querySelectorAll('mark.search-hit[data-hit]');
    expect(total).toBeGreaterThan(1);
    expect(hits).toHaveLength(total);
    // Words in any order, whatever the case: every hit reads one of the two words.
    expect(new Set([...hits].map((hit) => hit.textContent?.toLowerCase()))).toEqual(new Set(['iran', 'strike']));
    await user.click(within(pane).getByRole('button', { name: /^Next match for “strike IRAN”/ }));
    expect(within(pane).getByText(`Match 1 of ${total} for “strike IRAN”`)).toBeInTheDocument();
    expect(document.activeElement).toBe(hits[0]);
    await user.click(within(pane).getByRole('button', { name: /^Previous match/ }));
    expect(within(pane).getByText(`Match ${total} of ${total} for “strike IRAN”`)).toBeInTheDocument();
  });
});
