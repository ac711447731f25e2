import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { serveEditorialApi, TEST_PASSWORD } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';

describe('signing in and out from the header', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await serveEditorialApi();
  });

  it('opens the sign-in form, refuses a wrong password, signs in and out, announcing each', async () => {
    const { user } = renderApp('/claims/us-accepts-rafah-for-no-iran-strike');
    const banner = screen.getByRole('banner');
    const toggle = await within(banner).findByRole('button', { name: 'Sign in' }, { timeout: 5_000 });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const form = await within(banner).findByRole('form', { name: 'Sign in' });
    expect(within(form).getByLabelText('Name')).toHaveFocus();

    await user.type(within(form).getByLabelText('Name'), 'alice');
    await user.type(within(form).getByLabelText('Password'), 'not the password');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Wrong name or password.');
    expect(within(form).getByLabelText('Password')).toHaveValue('');

    await user.type(within(form).getByLabelText('Password'), TEST_PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await within(banner).findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(banner).toHaveTextContent('Signed in as alice (editor)');
    expect(within(banner).getByRole('status')).toHaveTextContent('Signed in as alice.');
    expect(within(banner).queryByRole('form')).not.toBeInTheDocument();

    const signedIn = await (await fetch(new URL('/api/session', window.location.origin))).json();
    expect(signedIn).toEqual({ user: { username: 'alice', role: 'editor' } });

    await user.click(within(banner).getByRole('button', { name: 'Sign out' }));
    expect(await within(banner).findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(within(banner).getByRole('status')).toHaveTextContent('Signed out.');
    const session = await (await fetch(new URL('/api/session', window.location.origin))).json();
    expect(session).toEqual({ user: null });
  });

  it('closes the form with Escape or Cancel, returning focus to the toggle', async () => {
    const { user } = renderApp('/');
    const banner = screen.getByRole('banner');
    const toggle = await within(banner).findByRole('button', { name: 'Sign in' }, { timeout: 5_000 });
    await user.click(toggle);
    await within(banner).findByRole('form', { name: 'Sign in' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(banner).queryByRole('form')).not.toBeInTheDocument());
    expect(toggle).toHaveFocus();
    await user.click(toggle);
    await user.click(await within(banner).findByRole('button', { name: 'Cancel' }));
    expect(within(banner).queryByRole('form')).not.toBeInTheDocument();
  });

  it('says when sign-in is slowed after repeated failures, and for how long', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 5_000 }));
    const form = await screen.findByRole('form', { name: 'Sign in' });
    await user.type(within(form).getByLabelText('Name'), 'bob');
    for (let i = 0; i < 6; i += 1) {
      await user.type(within(form).getByLabelText('Password'), 'wrong');
      await user.click(within(form).getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect(within(form).getByRole('button', { name: 'Sign in' })).toBeEnabled());
    }
    expect(within(form).getByRole('alert')).toHaveTextContent(/Too many failed sign-ins; try again in 1 s\./);
  });
});
