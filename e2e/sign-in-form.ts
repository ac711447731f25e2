import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations } from './fixtures';
import { E2E_PASSWORD } from './own-server';

/**
 * Signs an editor in as a person does, through the banner's form: the form takes the focus,
 * the banner then names the editor, and the focus goes back to the view's heading.
 */
export async function signInWithTheForm(page: Page, username: string, { checkA11y = false } = {}) {
  const banner = page.getByRole('banner');
  await banner.getByRole('button', { name: 'Sign in' }).click();
  const form = banner.getByRole('form', { name: 'Sign in' });
  await expect(form.getByLabel('Name')).toBeFocused();
  if (checkA11y) await expectNoSeriousA11yViolations(page);
  await form.getByLabel('Name').fill(username);
  await form.getByLabel('Password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(banner).toContainText(`Signed in as ${username} (editor)`);
  // The form has gone: focus starts again at the view's heading, not at the page top.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}
