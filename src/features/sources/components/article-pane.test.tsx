import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockServer } from '../../../../mocks/node';
import { anchorAt } from '@/domain/span-anchoring';
import type { Mention, StoryBundle } from '@/domain/schemas';
import { indexStory } from '@/domain/story-index';
import { renderWithProviders } from '@/test/render-app';
import { resetSourcesUi } from '../store/sources-ui-store';
import { ArticlePane } from './article-pane';

const meta = {
  id: 'hostile',
  story: 'fixture',
  outlet: 'outlet',
  title: 'Hostile text',
  published: { date: '2024-04-18', basis: 'test' },
  source: { file: null, url: null },
};

const BODY = 'Before <script>window.pwned = true</script> and <img src=x onerror="window.pwned = true"> after.';

/** The story's index over these mentions, and the pane's evidence request answered with them. */
function storyWith(mentions: Mention[]) {
  mockServer.use(
    http.get('*/api/stories/fixture/evidence', ({ request }) => {
      const article = new URL(request.url).searchParams.get('article');
      return HttpResponse.json({ mentions: mentions.filter((m) => m.article === article), passages: [] });
    }),
  );
  return indexStory(bundleWith(mentions));
}

function bundleWith(mentions: Mention[]): StoryBundle {
  return {
    story: { id: 'fixture', title: 'Fixture', summary: '' },
    outlets: [{ id: 'outlet', name: 'The Outlet', aliases: [], kind: 'newspaper', url: null }],
    actors: [{ id: 'officials', name: 'Two officials', kind: 'unnamed-source', description: '' }],
    articles: [meta],
    claims: [
      {
        id: 'scripted',
        story: 'fixture',
        text: 'A script ran.',
        topic: 'Test',
        verdict: { status: 'unreviewed', note: '', editor: null, at: null, version: 1 },
      },
    ],
    mentions,
    events: [],
    passages: [],
  };
}

const scriptStart = BODY.indexOf('<script>');
const scriptEnd = BODY.indexOf('</script>') + '</script>'.length;
const hostileMention: Mention = {
  id: 'm-scripted',
  claim: 'scripted',
  article: 'hostile',
  stance: 'denies',
  attribution: [
    { kind: 'actor', id: 'officials' },
    { kind: 'outlet', id: 'outlet' },
  ],
  spans: [{ article: 'hostile', ...anchorAt(BODY, scriptStart, scriptEnd) }],
};

beforeEach(() => {
  resetSourcesUi();
  mockServer.use(
    http.get('*/api/articles/hostile', () =>
      HttpResponse.json({ ...meta, body: BODY, paragraphs: [[0, BODY.length]], sentences: [[0, BODY.length]] }),
    ),
  );
});

describe('ArticlePane', () => {
  it('renders article text as text, never as HTML', async () => {
    const index = storyWith([]);
    const { container } = renderWithProviders(<ArticlePane meta={meta} outlet={undefined} index={index} />);
    expect(await screen.findByText(BODY)).toBeInTheDocument();
    expect(container.querySelector('script, img')).toBeNull();
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('keeps hostile text literal inside an evidence highlight too', async () => {
    const index = storyWith([hostileMention]);
    const { container } = renderWithProviders(
      <ArticlePane meta={meta} outlet={index.outlets.get('outlet')} index={index} selectedClaim="scripted" />,
    );
    const text = await screen.findByRole('region', { name: 'Text of The Outlet' });
    const mark = await waitFor(() => text.querySelector('mark') ?? Promise.reject(new Error('no mark yet')));
    expect(mark).toHaveTextContent('<script>window.pwned = true</script>');
    expect(mark).toHaveClass('hl--denies', 'hl--selected');
    expect(text).toHaveTextContent(BODY.replace(/<script>/, '✕[evidence: denies] <script>'));
    expect(container.querySelector('script, img')).toBeNull();
  });

  it('shows a highlight’s claim, stance and attribution chain on focus, by keyboard', async () => {
    const index = storyWith([hostileMention]);
    const { user } = renderWithProviders(
      <ArticlePane meta={meta} outlet={index.outlets.get('outlet')} index={index} />,
    );
    const text = await screen.findByRole('region', { name: 'Text of The Outlet' });
    const mark = await waitFor(() => text.querySelector('mark') ?? Promise.reject(new Error('no mark yet')));
    text.focus();
    await user.keyboard('n');
    expect(mark).toHaveFocus();
    await waitFor(() => expect(mark).toHaveAccessibleDescription(/A script ran\./));
    const tip = document.getElementById(mark.getAttribute('aria-describedby') ?? '');
    expect(tip).toHaveTextContent('denies');
    expect(tip).toHaveTextContent('Source: Two officials → The Outlet');
    expect(screen.getByText('Highlight 1 of 1')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(tip).not.toBeVisible();
  });

  it('says so when the article does not mention the selected claim', async () => {
    const index = storyWith([]);
    renderWithProviders(
      <ArticlePane meta={meta} outlet={index.outlets.get('outlet')} index={index} selectedClaim="scripted" />,
    );
    expect(screen.getByText(/The Outlet does not mention the selected claim/)).toBeInTheDocument();
    expect(within(await screen.findByRole('region', { name: 'Text of The Outlet' })).queryByRole('mark')).toBeNull();
  });

  it('says so when its evidence cannot be read, and reads it again on Retry', async () => {
    const index = storyWith([hostileMention]);
    let refuse = true;
    mockServer.use(
      http.get('*/api/stories/fixture/evidence', () =>
        refuse
          ? HttpResponse.json({ error: { code: 'unavailable', message: 'Try later.' } }, { status: 503 })
          : undefined,
      ),
    );
    const { user } = renderWithProviders(
      <ArticlePane meta={meta} outlet={index.outlets.get('outlet')} index={index} />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not load the article’s evidence/);
    refuse = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const text = await screen.findByRole('region', { name: 'Text of The Outlet' });
    await waitFor(() => expect(text.querySelector('mark')).toHaveTextContent('<script>window.pwned = true</script>'));
  });

  it('shows the publication date with how it was established', async () => {
    const index = storyWith([]);
    renderWithProviders(
      <ArticlePane meta={{ ...meta, id: '000_8afd1a478485ac90' }} outlet={undefined} index={index} />,
    );
    expect(screen.getByText('18 Apr 2024').closest('[aria-describedby]')).toHaveAccessibleDescription('test');
    expect(await screen.findByText(/US and Israeli officials on Thursday/)).toBeInTheDocument();
  });
});
