import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

const OUTLETS = [
  'Israel National News',
  'International Business Times',
  'The Jerusalem Post',
  'The New York Times',
  'The Times of Israel',
];

test('the sources view lists the five outlets of the bundled story', async ({ page }) => {
  await page.goto('/');
  const articles = page.getByRole('region', { name: /Articles/ });
  for (const outlet of OUTLETS) {
    await expect(articles.getByText(outlet, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article').first()).toContainText(
    'US and Israeli officials on Thursday held a virtual discussion',
  );
  await expectNoSeriousA11yViolations(page);
});

test('every view is a URL, reachable from the navigation, and passes axe', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Views' });

  await nav.getByRole('link', { name: 'Matrix' }).click();
  await expect(page).toHaveURL(/\/matrix$/);
  const dealRow = page.getByRole('row', { name: /accept.*Rafah/i }).first();
  await expect(dealRow).toContainText('contested');
  await expectNoSeriousA11yViolations(page);

  await nav.getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  await expect(page.getByRole('table')).toContainText('18 Apr 2024');
  await expectNoSeriousA11yViolations(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/matrix$/);
  await page
    .getByRole('link', { name: /accept.*Rafah/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/claims\/us-accepts-rafah-for-no-iran-strike$/);
  await expect(page.getByText('Egyptian sources → Al-Araby Al-Jadeed → Israel National News')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a link with invalid parts opens the view, says what it left out and canonicalizes the URL', async ({ page }) => {
  await page.goto('/matrix?bogus=1&contested=1');
  await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toContainText('bogus');
  await expect(page).toHaveURL(/\/matrix\?contested=1$/);
});

test('the API answers unknown ids with JSON errors', async ({ request }) => {
  const missing = await request.get('/api/stories/no-such-story');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { field: 'story' } });
  const stories = await request.get('/api/stories');
  expect(await stories.json()).toEqual([expect.objectContaining({ counts: expect.objectContaining({ articles: 5 }) })]);
});
