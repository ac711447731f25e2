import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordApiRequests } from '@/test/api-requests';
import { serveEditorialApi, signInThroughApi } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';

const WIRE =
  'Israel delays Rafah push after Iranian barrage, officials say\n\n' +
  'JERUSALEM — Israel postponed the start of its planned operation in Rafah after Iran fired more than 300 missiles and drones at the country last weekend, Israeli officials told the newspaper.\n\n' +
  'An in-person meeting between US and Israeli officials in Washington, scheduled for this week, was also postponed because of the attack.';

describe('Add coverage', () => {
  it('asks readers to sign in as an editor', async () => {
    await serveEditorialApi();
    renderApp('/add');
    expect(await screen.findByText(/Adding articles is for editors/)).toBeInTheDocument();
  });

  it('adds a pasted article, then accepts and rejects its suggestions', async () => {
    const api = await serveEditorialApi();
    await signInThroughApi('alice');
    const requests = recordApiRequests();
    const { user } = renderApp('/add');

    const form = await screen.findByRole('form', { name: 'Add an article' });
    await user.type(within(form).getByLabelText('Outlet'), 'Global Wire');
    await user.click(within(form).getByRole('checkbox', { name: 'Create “Global Wire” as a new outlet' }));
    await user.type(within(form).getByLabelText('Published'), '2024-04-19');
    await user.click(within(form).getByLabelText('Article text'));
    await user.paste(WIRE);
    expect(within(form).getByLabelText('Title')).toHaveValue(
      'Israel delays Rafah push after Iranian barrage, officials say',
    );
    await user.click(within(form).getByRole('button', { name: 'Add and suggest claims' }));

    const review = await screen.findByRole('region', { name: /^Review: Global Wire — Israel delays Rafah push/ });
    expect(window.location.search).toMatch(/^\?article=global-wire-2024-04-19-/);
    const cards = within(review).getAllByRole('button', { name: 'Accept' });
    expect(cards.length).toBeGreaterThanOrEqual(2);
    // Grouped by sentence, each group with its way out when no claim fits.
    const firstGroup = within(review).getAllByRole('listitem', { name: /^Sentence \d+$/ })[0]!;
    expect(within(firstGroup).getByRole('button', { name: /No existing claim fits sentence \d+/ })).toBeInTheDocument();
    expect(within(firstGroup).getAllByText(/^Why: words: /).length).toBeGreaterThan(0);

    await user.click(cards[0]!);
    expect(await within(review).findByText(/^Accepted: /)).toBeInTheDocument();
    await user.click((await within(review).findAllByRole('button', { name: 'Reject' }))[0]!);
    expect(await within(review).findByText(/^Rejected: /)).toBeInTheDocument();

    const articleId = new URLSearchParams(window.location.search).get('article')!;
    const bundle = await api.store.getStoryBundle('rafah-scg-2024');
    expect(bundle?.mentions.filter((m) => m.article === articleId)).toHaveLength(1);
    expect(await api.store.listRejectedSuggestions(articleId)).toHaveLength(1);
    // The view and the header read the story's overview; nothing reads the whole story.
    expect(requests).toContain('/api/stories/rafah-scg-2024/overview');
    expect(requests).not.toContain('/api/stories/rafah-scg-2024');
  });

  it('adds an article by its address: the server fetches the page, and a refused address is named', async () => {
    const fetched: string[] = [];
    const api = await serveEditorialApi({
      pageFetcher: (url) => {
        fetched.push(url);
        return Promise.resolve(
          url.includes('intranet')
            ? { ok: false, refusal: { code: 'refused_address', message: 'intranet is at 10.0.0.1, a private address' } }
            : {
                ok: true,
                page: {
                  url,
                  contentType: 'text/plain',
                  content: new TextEncoder().encode(WIRE),
                  fetchedAt: '2024-04-19T12:00:00.000Z',
                },
              },
        );
      },
    });
    await signInThroughApi('alice');
    const { user } = renderApp('/add');
    const form = await screen.findByRole('form', { name: 'Add an article' });
    await user.type(within(form).getByLabelText('Outlet'), 'Global Wire');
    await user.click(within(form).getByRole('checkbox', { name: 'Create “Global Wire” as a new outlet' }));
    await user.type(within(form).getByLabelText('Published'), '2024-04-19');
    await user.type(within(form).getByLabelText('Source URL'), 'https://intranet.example/story');
    await user.click(within(form).getByRole('button', { name: 'Fetch the page and suggest claims' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(/Not added: .*private address/);
    expect((await api.store.getStoryBundle('rafah-scg-2024'))?.articles).toHaveLength(5);

    await user.clear(within(form).getByLabelText('Source URL'));
    await user.type(within(form).getByLabelText('Source URL'), 'https://wire.example/rafah');
    await user.click(within(form).getByRole('button', { name: 'Fetch the page and suggest claims' }));
    expect(await screen.findByRole('region', { name: /^Review: Global Wire/ })).toBeInTheDocument();
    expect(fetched).toEqual(['https://intranet.example/story', 'https://wire.example/rafah']);
    expect((await api.store.getStoryBundle('rafah-scg-2024'))?.articles).toHaveLength(6);
  });

  it('prefills the attribution from the sentence, editable before accepting, and previews the origin count', async () => {
    const api = await serveEditorialApi();
    await signInThroughApi('alice');
    const { user } = renderApp('/add');
    const form = await screen.findByRole('form', { name: 'Add an article' });
    await user.type(within(form).getByLabelText('Outlet'), 'Global Wire');
    await user.click(within(form).getByRole('checkbox', { name: 'Create “Global Wire” as a new outlet' }));
    await user.type(within(form).getByLabelText('Published'), '2024-04-19');
    await user.click(within(form).getByLabelText('Article text'));
    await user.paste(
      'Rafah operation put off\n\nIsrael postponed the start of its planned operation in Rafah after Iran fired more than 300 missiles and drones at the country last weekend, the White House said.',
    );
    await user.click(within(form).getByRole('button', { name: 'Add and suggest claims' }));
    const review = await screen.findByRole('region', { name: /^Review: Global Wire/ });
    await within(review).findAllByRole('group', { name: 'Attribution' });
    const group = within(review)
      .getAllByRole('listitem', { name: /^Sentence \d+$/ })
      .find((item) => item.querySelector('blockquote')?.textContent?.includes('the White House said'))!;
    const chain = within(group).getAllByRole('group', { name: 'Attribution' })[0]!;
    const steps = chain.querySelector('ol')!;
    expect(steps).toHaveTextContent(/The White House × →\s*Global Wire/);
    expect(within(group).getAllByText(/^Independent (supporting |opposing )?origins/)[0]).toBeInTheDocument();
    // The editor corrects the chain before accepting: the White House is removed.
    await user.click(within(chain).getByRole('button', { name: 'Remove The White House from the attribution' }));
    expect(steps).not.toHaveTextContent('White House');
    await user.click(within(group).getAllByRole('button', { name: 'Accept' })[0]!);
    expect(await within(review).findByText(/^Accepted: /)).toBeInTheDocument();
    const articleId = new URLSearchParams(window.location.search).get('article')!;
    const mentions = (await api.store.getStoryBundle('rafah-scg-2024'))?.mentions.filter(
      (m) => m.article === articleId,
    );
    expect(mentions?.map((m) => m.attribution)).toEqual([[{ kind: 'outlet', id: 'global-wire' }]]);
  });

  it('proposes the known outlet a name is close to, and needs a new outlet confirmed', async () => {
    await serveEditorialApi();
    await signInThroughApi('alice');
    const { user } = renderApp('/add');
    const form = await screen.findByRole('form', { name: 'Add an article' });
    await user.type(within(form).getByLabelText('Outlet'), 'jpost.com');
    expect(within(form).getByText('Known outlet: The Jerusalem Post')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Outlet'));
    await user.type(within(form).getByLabelText('Outlet'), 'Jerusalem Psot');
    await user.click(within(form).getByRole('button', { name: 'Use The Jerusalem Post' }));
    expect(within(form).getByLabelText('Outlet')).toHaveValue('The Jerusalem Post');
  });

  it('says why an article was not added, and adds nothing', async () => {
    const api = await serveEditorialApi();
    await signInThroughApi('alice');
    const { user } = renderApp('/add');
    const form = await screen.findByRole('form', { name: 'Add an article' });
    const seed = (await api.store.listStoryArticles('rafah-scg-2024'))[0]!;
    await user.type(within(form).getByLabelText('Outlet'), 'Copycat');
    await user.click(within(form).getByRole('checkbox', { name: /as a new outlet/ }));
    await user.click(within(form).getByLabelText('Article text'));
    await user.paste(seed.body);
    const add = within(form).getByRole('button', { name: 'Add and suggest claims' });
    expect(add, 'no silent default for the publication date').toBeDisabled();
    await user.type(within(form).getByLabelText('Published'), '2024-04-19');
    await user.click(within(form).getByRole('button', { name: 'Add and suggest claims' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(`Not added: this text is already in the story`);
    expect((await api.store.getStoryBundle('rafah-scg-2024'))?.articles).toHaveLength(5);
  });
});
