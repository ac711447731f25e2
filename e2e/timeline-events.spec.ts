import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';
import { signInWithTheForm } from './sign-in-form';

/*
 * Events built in the Timeline by an editor, against a server of this spec's own (a fresh
 * database), so the events it adds and removes never meet another spec's expectations.
 */

const own = withOwnServer(test, 'timeline-events', { accounts: { alice: 'editor' } });

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const INN = '000_8afd1a478485ac90';
const chartOf = (page: Page) => page.getByRole('group', { name: /^Timeline of .*one mark per event/ });
const tableRows = (page: Page) => page.getByRole('table').locator('tbody tr');

test('an editor adds two events (one dated from a sentence), edits one, deletes one and undoes it; chart and table follow', async ({
  page,
}) => {
  await page.goto(`${own.url}/timeline`);
  await expect(tableRows(page)).toHaveCount(14);
  // Readers see no editing controls.
  await expect(page.getByRole('button', { name: 'Add event' })).toHaveCount(0);
  await signInWithTheForm(page, 'alice');

  // An empty form says what is missing, at the fields, and focus goes to the first.
  await page.getByRole('button', { name: 'Add event' }).click();
  let form = page.getByRole('form', { name: 'New event' });
  await expect(page.getByRole('heading', { name: 'New event' })).toBeFocused();
  await form.getByRole('button', { name: 'Add event' }).click();
  const title = form.getByLabel('Title', { exact: true });
  await expect(title).toBeFocused();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Enter a title.');
  await expect(form.getByLabel('Day', { exact: true })).toHaveAccessibleDescription('Enter the day.');
  await expect(form.getByRole('alert')).toContainText('correct the fields marked below');
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // First event: its date proposed from "on Thursday" in Israel National News (18 April 2024).
  await title.fill('Officials hold talks by video on Rafah');
  await form.getByLabel('Kind', { exact: true }).selectOption('meeting');
  await form.getByLabel('Format', { exact: true }).selectOption('virtual');
  await form.getByLabel('Status', { exact: true }).selectOption('held');
  await form.getByLabel('Date from a sentence of').selectOption(INN);
  const sentence = form.getByLabel('Sentence', { exact: true });
  const option = sentence.locator('option', { hasText: 'US and Israeli officials on Thursday held a virtual' });
  await sentence.selectOption((await option.getAttribute('value')) ?? '');
  await form.getByRole('button', { name: 'Propose the date' }).click();
  await expect(form.getByLabel('Day', { exact: true })).toHaveValue('2024-04-18');
  await expect(form.getByRole('status')).toContainText(
    'Proposed 18 Apr 2024 from “on Thursday” in Israel National News',
  );
  await expect(form.getByLabel('Basis of the date')).toHaveValue(/“on Thursday” read as/);
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Event “Officials hold talks by video on Rafah” added.' }),
  ).toBeVisible();
  await expect(tableRows(page)).toHaveCount(15);
  const first = page.getByRole('complementary', { name: 'Officials hold talks by video on Rafah' });
  await expect(first.getByRole('heading', { name: /^Reported by [1-9]\d* articles?$/ })).toBeVisible();
  await expect(first).toContainText('From “on Thursday” in Israel National News');
  await expect(
    chartOf(page).getByRole('button', {
      name: /^Officials hold talks by video on Rafah: 18 Apr 2024, virtual meeting, held/,
    }),
  ).toBeVisible();

  // Second event: a range typed by hand, linked to the first.
  await page.getByRole('button', { name: 'Add event' }).click();
  form = page.getByRole('form', { name: 'New event' });
  await form.getByLabel('Title', { exact: true }).fill('Aid corridor announcement expected');
  await form.getByLabel('Kind', { exact: true }).selectOption('announcement');
  await form.getByLabel('Format', { exact: true }).selectOption('not-applicable');
  await form.getByLabel('Status', { exact: true }).selectOption('planned');
  await form.getByLabel('A range (the sources only bound it)').check();
  await form.getByLabel('First day', { exact: true }).fill('2024-04-20');
  await form.getByLabel('Last day', { exact: true }).fill('2024-04-25');
  await form.getByLabel('Basis of the date').fill('Coverage only: expected "in the coming days" (no day given).');
  await form
    .getByRole('group', { name: /^Mentions that report it/ })
    .getByRole('checkbox')
    .first()
    .check();
  await form.getByLabel('This event').selectOption('related');
  await form.getByLabel('Linked event').selectOption({ label: 'Officials hold talks by video on Rafah' });
  await form.getByLabel('Note on the link').fill('Announced after these talks');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Event “Aid corridor announcement expected” added.' }),
  ).toBeVisible();
  await expect(tableRows(page)).toHaveCount(16);
  const second = page.getByRole('complementary', { name: 'Aid corridor announcement expected' });
  await expect(second.getByRole('link', { name: 'Officials hold talks by video on Rafah' })).toBeVisible();

  // Edit the first one's title.
  await page.getByRole('table').getByRole('button', { name: 'Officials hold talks by video on Rafah' }).click();
  await page.getByRole('button', { name: 'Edit event' }).click();
  form = page.getByRole('form', { name: 'Edit “Officials hold talks by video on Rafah”' });
  await expect(form.getByLabel('Day', { exact: true })).toHaveValue('2024-04-18');
  await form.getByLabel('Title', { exact: true }).fill('US–Israeli talks by video on Rafah');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Event “US–Israeli talks by video on Rafah” changed.' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table').getByRole('button', { name: 'US–Israeli talks by video on Rafah' }),
  ).toBeVisible();

  // Delete the second one, then undo the deletion.
  await page.getByRole('table').getByRole('button', { name: 'Aid corridor announcement expected' }).click();
  await page.getByRole('button', { name: 'Delete event' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Event “Aid corridor announcement expected” deleted.' });
  await expect(notice).toBeVisible();
  await expect(tableRows(page)).toHaveCount(15);
  await expect(chartOf(page).getByRole('button', { name: /^Aid corridor announcement expected/ })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Undone: Event “Aid corridor announcement expected” deleted.')).toBeFocused();
  await expect(tableRows(page)).toHaveCount(16);

  // The result: both events on the chart and in the table, the first with its new title.
  await expect(
    chartOf(page).getByRole('button', {
      name: /^US–Israeli talks by video on Rafah: 18 Apr 2024, virtual meeting, held/,
    }),
  ).toBeVisible();
  await expect(
    chartOf(page).getByRole('button', {
      name: /^Aid corridor announcement expected: 20 Apr 2024 – 25 Apr 2024 \(range\)/,
    }),
  ).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('button', { name: 'US–Israeli talks by video on Rafah' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Aid corridor announcement expected' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Officials hold talks by video on Rafah' })).toHaveCount(0);

  // Each accepted change is one entry in the event's history, the undo included.
  const history = await (
    await page.request.get(`${own.url}/api/events/aid-corridor-announcement-expected/history`)
  ).json();
  expect(history.map((entry: { action: string }) => entry.action)).toEqual(['created', 'removed', 'restored']);
  await expectNoSeriousA11yViolations(page);
});
