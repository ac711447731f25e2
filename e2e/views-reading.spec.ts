import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/* Reading in Sources: finding words in the text, stepping through highlights and a shared passage's copies. */

const INN = '000_8afd1a478485ac90';
const JPOST = '002_2c3146867d4d03b4';
const NYT = '003_f7a75abec57e02c2';
const READOUT_FROM_NYT = 'Shared passage, also in Israel National News and The Jerusalem Post';

test.use({ viewport: { width: 1440, height: 900 } });

const paneText = (page: Page, outlet: string) => page.getByRole('region', { name: `Text of ${outlet}` });
const pane = (page: Page, outlet: string) =>
  page.getByRole('article').filter({ has: page.getByText(outlet, { exact: true }) });

test('"Iran strike" marks its words in the article text, counted, with previous and next match', async ({ page }) => {
  await page.goto(`/?panes=${INN},${NYT}&q=Iran%20strike`);
  const text = paneText(page, 'Israel National News');
  const hits = text.locator('mark.search-hit[data-hit]');
  await expect(hits.first()).toBeVisible();
  const total = await hits.count();
  expect(total).toBeGreaterThan(1);
  const inn = pane(page, 'Israel National News');
  await expect(inn.getByText(`${total} matches for “Iran strike”`)).toBeVisible();
  await inn.getByRole('button', { name: /^Next match for “Iran strike”/ }).click();
  await expect(hits.first()).toBeFocused();
  await expect(inn.getByText(`Match 1 of ${total} for “Iran strike”`)).toBeVisible();
  await inn.getByRole('button', { name: /^Next match for “Iran strike”/ }).click();
  await expect(hits.nth(1)).toBeFocused();
  await expect(hits.nth(1)).toBeInViewport();
  // The same search keeps the claims that hold both words, in any order.
  await expect(
    page.getByRole('region', { name: /^Claims/ }).getByRole('link', { name: /US agreed to accept an Israeli/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the tooltip of a highlight stepped to stands below all of it, never over it', async ({ page }) => {
  await page.goto(`/?panes=${INN},${NYT}`);
  const inn = pane(page, 'Israel National News');
  const text = paneText(page, 'Israel National News');
  await expect(text.locator('mark.hl').first()).toBeVisible();
  for (let step = 0; step < 6; step += 1) {
    await inn.getByRole('button', { name: 'Next highlight in Israel National News' }).click();
    const tip = text.getByRole('tooltip');
    await expect(tip).toBeVisible();
    const overlap = await text.evaluate((body) => {
      const tipBox = body.querySelector('[role="tooltip"]')?.getBoundingClientRect();
      const landed = document.activeElement;
      if (!tipBox || !(landed instanceof HTMLElement) || !landed.dataset.seg) return 'no landing';
      // The highlight the focus landed on, and the marks straight after it (a highlight split
      // by overlapping evidence goes on in them), as far as the next unmarked text.
      const pieces: Element[] = [landed];
      for (let next = landed.nextSibling; next instanceof HTMLElement && next.matches('mark.hl');) {
        pieces.push(next);
        next = next.nextSibling;
      }
      const rects = pieces.flatMap((piece) => [...piece.getClientRects()]);
      return rects.some(
        (r) => r.bottom > tipBox.top && r.top < tipBox.bottom && r.right > tipBox.left && r.left < tipBox.right,
      )
        ? `covers ${landed.textContent?.slice(0, 40)}`
        : null;
    });
    expect(overlap).toBeNull();
  }
});

test('a shared passage can be stepped through copy by copy, across the open articles', async ({ page }) => {
  await page.goto(`/?panes=${INN},${JPOST},${NYT}`);
  await paneText(page, 'The New York Times').getByRole('button', { name: READOUT_FROM_NYT }).first().click();
  const bar = page.getByRole('region', { name: /^Shared passage in \d articles/ });
  await expect(bar).toBeVisible();
  const count = Number(
    /(\d+) copies/.exec((await bar.getByText(/copies in the open articles/).textContent()) ?? '')?.[1],
  );
  expect(count).toBeGreaterThanOrEqual(3);
  const seen: string[] = [];
  for (let step = 1; step <= count; step += 1) {
    await bar.getByRole('button', { name: 'Next copy' }).click();
    const where = bar.getByText(new RegExp(`^Copy ${step} of ${count}, in `));
    await expect(where).toBeVisible();
    const outlet = ((await where.textContent()) ?? '').replace(/^Copy \d+ of \d+, in /, '');
    seen.push(outlet);
    await expect(paneText(page, outlet).locator('mark.hl--followed').first()).toBeVisible();
  }
  expect(new Set(seen)).toEqual(new Set(['Israel National News', 'The Jerusalem Post', 'The New York Times']));
  await bar.getByRole('button', { name: 'Previous copy' }).click();
  await expect(bar.getByText(new RegExp(`^Copy ${count - 1} of ${count}, in `))).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('at 1440×900 the matrix filters open above the table, not over it, and outlet names break between words', async ({
  page,
}) => {
  await page.goto('/matrix');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row').nth(2)).toBeVisible();
  // Every word of every outlet name on one line: "International" never splits.
  const split = await page.locator('.mx-head__outlet').evaluateAll((names) =>
    names.flatMap((name) => {
      const text = name.firstChild;
      if (!(text instanceof Text)) return [];
      return [...(text.data.matchAll(/\S+/g) ?? [])].flatMap((word) => {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size > 1 ? [word[0]] : [];
      });
    }),
  );
  expect(split).toEqual([]);

  for (const filter of ['Sources', 'Topics']) {
    await page.locator('.mx-choices > summary', { hasText: filter }).click();
    const list = page.locator('.mx-choices__list');
    await expect(list).toBeVisible();
    const [listBox, gridBox] = [await list.boundingBox(), await grid.boundingBox()];
    expect(listBox && gridBox && listBox.y + listBox.height <= gridBox.y + 1, `${filter} covers the table`).toBe(true);
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
  }
});

test('a claim cut at two lines in the matrix reads whole when its link has the focus', async ({ page }) => {
  await page.goto('/matrix');
  const links = page.locator('.mx-claim__text');
  await expect(links.first()).toBeVisible();
  const cut = await links.evaluateAll((els) =>
    els.findIndex((el) => el.scrollHeight > el.clientHeight + 1 && el.getBoundingClientRect().top < innerHeight),
  );
  expect(cut).toBeGreaterThanOrEqual(0);
  const link = links.nth(cut);
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  expect(await link.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  await expect(link).toHaveAttribute('title', /.+/);
});

test('at 1440×900 the timeline shows its titles whole where they fit, none running out of the chart', async ({
  page,
}) => {
  await page.goto('/timeline');
  const labels = page.locator('.tl-mark__label');
  await expect(labels.first()).toBeVisible();
  const report = await labels.evaluateAll((els) => {
    const svg = els[0]?.closest('svg')?.getBoundingClientRect();
    return {
      cut: els.filter((el) => el.textContent?.endsWith('…')).map((el) => el.textContent),
      outside: els
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return !svg || box.left < svg.left - 1 || box.right > svg.right + 1;
        })
        .map((el) => el.textContent),
    };
  });
  expect(report.outside).toEqual([]);
  // 14 events; only a title too long for either side of its mark is cut (its whole title is in the table).
  expect(report.cut.length).toBeLessThanOrEqual(1);
});

test('at 1440×900 the open matrix cell keeps every column in view and its evidence above the verdict', async ({
  page,
}) => {
  await page.goto(`/matrix?claim=us-accepts-rafah-for-no-iran-strike&cell=${INN}`);
  const evidence = page.getByRole('region', { name: 'Evidence in Israel National News' });
  await expect(evidence).toBeInViewport();
  const covered = await page.locator('.mx-head__outlet').evaluateAll((names) =>
    names
      .filter((name) => {
        const box = name.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.right > innerWidth || !top || !name.closest('.mx-cell')?.contains(top);
      })
      .map((name) => name.textContent),
  );
  expect(covered).toEqual([]);
  const order = await page.evaluate(() => {
    const found = document.querySelector('.mx-evidence');
    const verdict = document.querySelector('.mx-detail .verdict');
    return found && verdict ? found.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
  });
  expect(order).toBeGreaterThan(0);
});
