import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serveEditorialApi, signInThroughApi } from '@/test/editorial-api';
import { renderApp } from '@/test/render-app';

const BODY =
  'JERUSALEM — Israel postponed the start of its planned operation in Rafah after Iran fired more than 300 missiles and drones at the country last weekend, Israeli officials told the newspaper.\n\n' +
  'An in-person meeting between US and Israeli officials in Washington, scheduled for this week, was also postponed because of the attack.';

const MARKDOWN = `---
title: Rafah push delayed
author: Jerusalem desk
date: 2024-04-19
---

# Israel delays *Rafah* push after Iranian barrage

${BODY}
`;

const PAGE = `<!doctype html><html><head><title>Rafah delay | Global Wire</title>
<meta property="article:published_time" content="2024-04-18T21:00:00Z" /></head>
<body><article><h1>Israel puts off Rafah operation after Iran strike</h1><p class="byline">By Dana Levi</p>
${BODY.split('\n\n')
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join('')}
<p>Share this article</p></article></body></html>`;

async function openForm() {
  const { user } = renderApp('/add');
  const form = await screen.findByRole('form', { name: 'Add an article' });
  await user.type(within(form).getByLabelText('Outlet'), 'Global Wire');
  await user.click(within(form).getByRole('checkbox', { name: 'Create “Global Wire” as a new outlet' }));
  return { user, form };
}

describe('Add coverage: the title and date read before adding', () => {
  it('prefills the title and day of a Markdown file, and adds it with them', async () => {
    const api = await serveEditorialApi();
    await signInThroughApi('alice');
    const { user, form } = await openForm();
    const file = new File([MARKDOWN], 'rafah.md', { type: 'text/markdown' });
    // jsdom's File has no arrayBuffer(); a browser's has.
    Object.assign(file, { arrayBuffer: () => Promise.resolve(new TextEncoder().encode(MARKDOWN).buffer) });
    await user.upload(within(form).getByLabelText('…or a file'), file);
    expect(await within(form).findByDisplayValue('Israel delays Rafah push after Iranian barrage')).toBe(
      within(form).getByLabelText('Title'),
    );
    expect(within(form).getByLabelText('Published')).toHaveValue('2024-04-19');
    expect(within(form).getByText('The day the document states: check it.')).toBeInTheDocument();
    expect(within(form).getByText(/^Read from the Markdown: /)).toHaveTextContent(
      'Read from the Markdown: “Israel delays Rafah push after Iranian barrage”, Jerusalem desk, published 2024-04-19.',
    );

    await user.click(within(form).getByRole('button', { name: 'Add and suggest claims' }));
    await screen.findByRole('region', { name: 'Review: Global Wire — Israel delays Rafah push after Iranian barrage' });
    const added = (await api.store.listStoryArticles('rafah-scg-2024')).find((a) => a.outlet === 'global-wire');
    expect(added?.published.date).toBe('2024-04-19');
    expect(added?.body).not.toContain('*');
  });

  it('reads a page at an address before it is added; the editor’s own title and day win', async () => {
    const fetched: string[] = [];
    await serveEditorialApi({
      pageFetcher: (url) => {
        fetched.push(url);
        return Promise.resolve({
          ok: true,
          page: {
            url,
            contentType: 'text/html',
            content: new TextEncoder().encode(PAGE),
            fetchedAt: '2024-04-19T12:00:00.000Z',
          },
        });
      },
    });
    await signInThroughApi('alice');
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('Source URL'), 'https://wire.example/rafah');
    await user.click(within(form).getByRole('button', { name: 'Read the title and date from the page' }));
    expect(await within(form).findByText(/^Read from the page: /)).toHaveTextContent(
      'Read from the page: “Israel puts off Rafah operation after Iran strike”, By Dana Levi, published 2024-04-18.',
    );
    const title = within(form).getByLabelText('Title');
    expect(title).toHaveValue('Israel puts off Rafah operation after Iran strike');
    expect(within(form).getByLabelText('Published')).toHaveValue('2024-04-18');
    expect(fetched).toEqual(['https://wire.example/rafah']);

    await user.clear(title);
    await user.type(title, 'Rafah operation put off');
    await user.clear(within(form).getByLabelText('Published'));
    await user.type(within(form).getByLabelText('Published'), '2024-04-19');
    await user.click(within(form).getByRole('button', { name: 'Fetch the page and suggest claims' }));
    await screen.findByRole('region', { name: 'Review: Global Wire — Rafah operation put off' });
  });

  it('says when a document cannot be read, and leaves the form as it is', async () => {
    await serveEditorialApi({
      pageFetcher: () =>
        Promise.resolve({ ok: false, refusal: { code: 'refused_address', message: 'intranet is a private address' } }),
    });
    await signInThroughApi('alice');
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('Source URL'), 'https://intranet.example/x');
    await user.click(within(form).getByRole('button', { name: 'Read the title and date from the page' }));
    expect(await within(form).findByText(/^Could not read the document: /)).toHaveTextContent(/private address/);
    expect(within(form).getByLabelText('Title')).toHaveValue('');
    expect(within(form).getByLabelText('Published')).toHaveValue('');
  });
});
