import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render-app';

const SLOW = { timeout: 10_000 };

describe('the claim view', () => {
  it('shows a joint statement as one step with two voices, and one origin, with the rule that says why', async () => {
    renderApp('/claims/no-green-light-without-civilian-plan');
    await screen.findByRole('heading', { level: 2, name: /will not give a green light/ }, SLOW);
    // The mentions, with their evidence, are read for this claim after its heading shows.
    expect(await screen.findByText('US State Department and The Pentagon → The Jerusalem Post')).toBeInTheDocument();
    expect(screen.getByText(/US State Department and The Pentagon made one statement together/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'For the claim: 1 independent origin' })).toBeInTheDocument();
    expect(screen.getByText(/one origin, 2 voices/)).toBeInTheDocument();
    expect(screen.getByText(/is one origin with several voices/)).toBeInTheDocument();
    expect(screen.getByText(/How this claim was drawn:/).parentElement).toHaveTextContent(/joint statement/);
  });

  it('says where each date and attribution comes from, with the research behind it', async () => {
    renderApp('/claims/idf-plan-gradual-operation');
    await screen.findByRole('heading', { level: 2, name: /gradual, slow operation/ }, SLOW);
    const details = (await screen.findAllByLabelText('Where this mention comes from'))[0] as HTMLElement;
    expect(details).toHaveTextContent(/Date.*btimesonline\.com, article 165642/);
    expect(details).toHaveTextContent(/Attribution.*spoke to Axios comes from research outside the text/);
    const notes = screen.getByRole('list', { name: /Research behind the mention in International Business Times/ });
    expect(within(notes).getByRole('listitem')).toHaveTextContent(/retells Axios's report.*Source: Editorial research/);
  });

  it('marks partial support and says what the evidence leaves out', async () => {
    renderApp('/claims/new-sanctions-on-iran');
    await screen.findByRole('heading', { level: 2, name: /new sanctions/ }, SLOW);
    expect(await screen.findByText('partial support')).toBeInTheDocument();
    expect(screen.getByText(/says nothing of "other measures"/)).toBeInTheDocument();
  });
});
