import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';
import { signInWithTheForm } from './sign-in-form';

/*
 * A desk builds a second story from nothing, in the browser only, against a server of its
 * own: the story, three articles, claims worded from sentences, evidence recorded by selecting
 * words (a relay with a two-step attribution chain, one article carrying a claim twice with
 * different stances), two events dated from sentences, a stance fixed and a mention deleted;
 * then the matrix, the origins, the timeline and Sources show it, and a copied link reopens it.
 */

const own = withOwnServer(test, 'story-from-scratch', { accounts: { erin: 'editor' } });

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const STORY = 'harbour-strike-talks';
const ARTICLES = [
  {
    outlet: 'Harbour Wire',
    published: '2024-06-14',
    title: 'Port talks yield draft wage deal',
    text:
      'Union leaders and port managers met on Thursday in Rotterdam to end the strike, an unnamed official told the Coastal Times.\n\n' +
      'The talks produced a draft deal on wages, the official said.\n\n' +
      'Managers said no agreement had been signed yet.',
  },
  {
    outlet: 'Coastal Times',
    published: '2024-06-14',
    title: 'Union and managers hold harbour talks',
    text:
      'Port managers and union leaders held talks in Rotterdam on Thursday.\n\n' +
      'The draft deal raises wages by four percent, according to the managers.\n\n' +
      'The union denies that any deal was reached.',
  },
  {
    outlet: 'Port Daily',
    published: '2024-06-15',
    title: 'Strike to resume after talks fail',
    text:
      'The strike will resume on Monday, union leaders said.\n\n' +
      'No deal on wages came out of the talks, the leaders added.',
  },
] as const;
const DEAL = 'Union and managers agreed a draft deal on wages.';
const RESUME = 'The harbour strike resumes on Monday.';

const paneOf = (page: Page, outlet: string) =>
  page
    .getByRole('main')
    .getByRole('article')
    .filter({ has: page.getByRole('region', { name: `Text of ${outlet}` }) });

/** Selects `phrase` in a pane's text as a reader would (a DOM selection), cutting it mid-word when `cut`. */
async function selectWords(page: Page, outlet: string, phrase: string, cut = 0) {
  const text = page.getByRole('region', { name: `Text of ${outlet}` });
  await expect(text).toContainText(phrase.slice(0, 20));
  await text.evaluate(
    (element, { phrase, cut }) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('.visually-hidden, [aria-hidden="true"], button')) nodes.push(node as Text);
      }
      const whole = nodes.map((n) => n.data).join('');
      const at = whole.indexOf(phrase);
      if (at === -1) throw new Error(`“${phrase}” is not in the text`);
      const point = (offset: number): [Text, number] => {
        let left = offset;
        for (const node of nodes) {
          if (left <= node.data.length) return [node, left];
          left -= node.data.length;
        }
        throw new Error('past the text');
      };
      const range = document.createRange();
      range.setStart(...point(at + cut));
      range.setEnd(...point(at + phrase.length - cut));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { phrase, cut },
  );
}

/** Opens the selection menu from the pane's toolbar (the keyboard's way to it). */
async function openMenu(page: Page, outlet: string): Promise<Locator> {
  const pane = paneOf(page, outlet);
  await pane
    .getByRole('toolbar', { name: `Evidence tools for ${outlet}` })
    .getByRole('button', { name: /^Use the selected words/ })
    .click();
  const dialog = pane.getByRole('dialog', { name: `The selected words in ${outlet}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function newClaim(page: Page, outlet: string, phrase: string, wording: string, topic: string, stance: string) {
  await selectWords(page, outlet, phrase, 2);
  const dialog = await openMenu(page, outlet);
  await dialog.getByRole('button', { name: 'New claim from this' }).click();
  const form = dialog.getByRole('form', { name: 'New claim from the selected words' });
  await form.getByLabel('Wording of the claim').fill(wording);
  await form.getByLabel(/^Topic/).fill(topic);
  await form.getByLabel('Stance').selectOption(stance);
  await form.getByRole('button', { name: 'Create the claim' }).click();
  await expect(
    paneOf(page, outlet)
      .getByRole('status')
      .filter({ hasText: `New claim “${wording}”` }),
  ).toBeVisible();
}

async function evidence(page: Page, outlet: string, phrase: string, claim: string, stance: string) {
  await selectWords(page, outlet, phrase);
  const dialog = await openMenu(page, outlet);
  const form = dialog.getByRole('form', { name: 'Evidence for a claim' });
  await form.getByRole('searchbox', { name: 'Find a claim' }).fill(claim.split(' ').slice(-3).join(' '));
  await form.getByRole('listbox', { name: 'Claim' }).selectOption({ label: claim });
  await form.getByLabel('Stance').selectOption(stance);
  await form.getByRole('button', { name: 'Record evidence' }).click();
  await expect(
    paneOf(page, outlet)
      .getByRole('status')
      .filter({ hasText: `Evidence for “${claim}” recorded in ${outlet}` }),
  ).toBeVisible();
}

async function eventFrom(page: Page, outlet: string, phrase: string, title: string, kind: string, status: string) {
  await selectWords(page, outlet, phrase);
  const dialog = await openMenu(page, outlet);
  await dialog.getByRole('button', { name: 'Event from this sentence' }).click();
  const form = dialog.getByRole('form', { name: 'Event from this sentence' });
  await expect(form.getByRole('group', { name: 'Date (proposed from the sentence)' })).toBeVisible();
  await form.getByLabel('Title of the event').fill(title);
  await form.getByLabel('Kind').selectOption(kind);
  await form.getByLabel('Status').selectOption(status);
  await form.getByRole('button', { name: 'Add the event' }).click();
  await expect(
    paneOf(page, outlet)
      .getByRole('status')
      .filter({ hasText: `Event “${title}” added to the timeline` }),
  ).toBeVisible();
}

/** Selects a highlight's claim by clicking its words, then opens the mention editor it offers. */
async function editMention(page: Page, outlet: string, words: string, which: RegExp = /^Edit mention/) {
  const pane = paneOf(page, outlet);
  await pane.locator('mark').filter({ hasText: words }).first().click();
  await pane
    .getByRole('toolbar', { name: `Evidence tools for ${outlet}` })
    .getByRole('button', { name: which })
    .click();
  const editor = pane.getByRole('dialog', { name: /^Edit the mention of/ });
  await expect(editor.getByRole('form', { name: `Stance in ${outlet}` })).toBeVisible();
  return editor;
}

test('a desk builds a story from nothing in the browser, corrects it, and a copied link reproduces the view', async ({
  page,
  browser,
}) => {
  await page.goto(`${own.url}/stories`);
  await signInWithTheForm(page, 'erin');

  // The story.
  const start = page.getByRole('form', { name: 'New story' });
  await start.getByLabel('Title').fill('Harbour strike talks');
  await start.getByLabel('Summary').fill('Rotterdam port strike talks, June 2024, as three outlets told them.');
  await start.getByRole('button', { name: 'Create the story' }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?story=${STORY}$`));

  // Three articles, pasted under Add coverage.
  const ids: string[] = [];
  for (const article of ARTICLES) {
    await page.goto(`${own.url}/add?story=${STORY}`);
    const form = page.getByRole('form', { name: 'Add an article' });
    await form.getByLabel('Article text').fill(article.text);
    await form.getByLabel('Outlet').fill(article.outlet);
    await form.getByRole('checkbox', { name: `Create “${article.outlet}” as a new outlet` }).check();
    await form.getByLabel('Published').fill(article.published);
    await form.getByLabel('Title').fill(article.title);
    await form.getByRole('button', { name: 'Add and suggest claims' }).click();
    await expect(page.getByRole('region', { name: `Review: ${article.outlet} — ${article.title}` })).toBeVisible();
    ids.push(new URL(page.url()).searchParams.get('article')!);
  }
  const [wire, times, daily] = ARTICLES.map((a) => a.outlet) as [string, string, string];

  // Claims worded from sentences, evidence recorded by selecting words.
  await page.goto(`${own.url}/?story=${STORY}&panes=${ids.join(',')}`);
  await expect(paneOf(page, wire)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await selectWords(page, wire, 'The talks produced a draft deal on wages', 3);
  const dialog = await openMenu(page, wire);
  // Every form the menu offers is accessible (the evidence form is the first shown).
  await expect(dialog.getByRole('form', { name: 'Evidence for a claim' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'New claim from this' }).click();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Event from this sentence' }).click();
  await expect(dialog.getByRole('form', { name: 'Event from this sentence' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await newClaim(page, wire, 'The talks produced a draft deal on wages', DEAL, 'Wages', 'reports');
  await newClaim(page, daily, 'The strike will resume on Monday', RESUME, 'Strike', 'asserts');
  await evidence(page, times, 'The draft deal raises wages by four percent', DEAL, 'reports');
  // The same article carries the claim a second time, against it.
  await evidence(page, times, 'The union denies that any deal was reached', DEAL, 'denies');
  await evidence(page, daily, 'No deal on wages came out of the talks', DEAL, 'contradicts');
  // A mistake, deleted below.
  await evidence(page, wire, 'Managers said no agreement had been signed yet', RESUME, 'reports');

  // The relay: the wire's evidence came from an unnamed official through the Coastal Times.
  let editor = await editMention(page, wire, 'draft deal on wages');
  await expectNoSeriousA11yViolations(page);
  const source = editor.getByRole('form', { name: 'New source' });
  await source.getByLabel('New source name').fill('An unnamed port official');
  await source.getByLabel('Kind').selectOption('unnamed-source');
  await source.getByRole('button', { name: 'Add source' }).click();
  const chain = editor.getByRole('group', { name: /Attribution chain/ });
  await chain.getByRole('button', { name: 'Add a step' }).click();
  await chain.getByLabel('Step 1 source').selectOption({ label: 'An unnamed port official' });
  await chain.getByRole('button', { name: 'Add a step' }).click();
  await chain.getByLabel('Step 2 source').selectOption({ label: times });
  await chain.getByRole('button', { name: 'Save chain' }).click();
  await expect(paneOf(page, wire).getByRole('status').filter({ hasText: 'Attribution chain' })).toBeVisible();
  await editor.getByRole('button', { name: 'Close the mention editor' }).click();

  // Fix one stance: the Port Daily relays the union leaders, it does not assert.
  editor = await editMention(page, daily, 'strike will resume');
  const stanceForm = editor.getByRole('form', { name: `Stance in ${daily}` });
  await stanceForm.getByLabel('Stance').selectOption('reports');
  await stanceForm.getByRole('button', { name: 'Save stance' }).click();
  await expect(paneOf(page, daily).getByRole('status').filter({ hasText: 'is now “reports”' })).toBeVisible();
  await editor.getByRole('button', { name: 'Close the mention editor' }).click();

  // Delete the mistaken mention.
  editor = await editMention(page, wire, 'no agreement had been signed');
  await editor.getByRole('button', { name: 'Delete mention' }).click();
  await expect(paneOf(page, wire).getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();
  await expect(paneOf(page, wire).locator('mark').filter({ hasText: 'no agreement had been signed' })).toHaveCount(0);

  // Two events, dated from their sentences.
  await eventFrom(page, wire, 'met on Thursday in Rotterdam', 'Rotterdam port talks', 'meeting', 'held');
  await eventFrom(page, daily, 'will resume on Monday', 'Strike resumes', 'announcement', 'planned');

  // The matrix: both claims, the deal contested, with its independent origins.
  await page.goto(`${own.url}/matrix?story=${STORY}`);
  const dealRow = page.getByRole('row').filter({ hasText: DEAL });
  await expect(dealRow.getByRole('gridcell', { name: /independent origins? for, \d+ against/ })).toBeVisible();
  const origins = await dealRow.getByRole('gridcell', { name: /independent origins? for/ }).getAttribute('aria-label');
  // The wire relays the Coastal Times (its chain says so), so the two reports are one origin.
  expect(origins).toBe('1 independent origin for, 2 against');
  await expect(page.getByRole('row').filter({ hasText: RESUME })).toBeVisible();

  // The timeline: the two events on their days.
  await page.goto(`${own.url}/timeline?story=${STORY}`);
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Rotterdam port talks' })).toContainText('13 Jun 2024');
  await expect(rows.filter({ hasText: 'Strike resumes' })).toBeVisible();

  // Sources: the deal selected, the Coastal Times carrying it twice; its link copied and reopened.
  await page.goto(`${own.url}/?story=${STORY}&panes=${ids.join(',')}`);
  await page
    .getByRole('region', { name: /Claims/ })
    .getByRole('link', { name: DEAL })
    .click();
  await expect(paneOf(page, times).locator('mark.hl--selected')).toHaveCount(2);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: own.url });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`story=${STORY}`);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(copied);
  await expect(fresh).toHaveURL(copied);
  await expect(fresh.getByRole('heading', { level: 2, name: DEAL })).toBeVisible();
  await expect(paneOf(fresh, times).locator('mark.hl--selected')).toHaveCount(2);
  await expect(paneOf(fresh, wire).getByRole('toolbar')).toHaveCount(0);
  await context.close();
});
