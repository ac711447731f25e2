import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockServer } from '../../../../mocks/node';
import { renderWithProviders } from '../../../test/render-app';
import { ArticlePane } from './article-pane';

const meta = {
  id: 'hostile',
  story: 'fixture',
  outlet: 'outlet',
  title: 'Hostile text',
  published: { date: '2024-04-18', basis: 'test' },
  source: { file: null, url: null },
};

describe('ArticlePane', () => {
  it('renders article text as text, never as HTML', async () => {
    const body = 'Before <script>window.pwned = true</script> and <img src=x onerror="window.pwned = true"> after.';
    mockServer.use(
      http.get('*/api/articles/hostile', () =>
        HttpResponse.json({ ...meta, body, paragraphs: [[0, body.length]], sentences: [[0, body.length]] }),
      ),
    );
    const { container } = renderWithProviders(<ArticlePane meta={meta} outlet={undefined} />);
    expect(await screen.findByText(body)).toBeInTheDocument();
    expect(container.querySelector('script, img')).toBeNull();
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('shows the publication date with how it was established', async () => {
    renderWithProviders(<ArticlePane meta={{ ...meta, id: '000_8afd1a478485ac90' }} outlet={undefined} />);
    expect(screen.getByText('18 Apr 2024').closest('[aria-describedby]')).toHaveAccessibleDescription('test');
    expect(await screen.findByText(/US and Israeli officials on Thursday/)).toBeInTheDocument();
  });
});
