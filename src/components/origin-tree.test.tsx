import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bundledStory } from '../../server/corpus/corpus-test-kit';
import type { Mention, StoryBundle } from '@/domain/schemas';
import { OriginTree } from './origin-tree';

function bundledIndex(change?: (bundle: StoryBundle) => void) {
  return bundledStory(undefined, change).index;
}

describe('the origin tree', () => {
  it('shows the reported deal coming from Al-Araby Al-Jadeed alone, relayed by two outlets', () => {
    const index = bundledIndex();
    const mentions = index.mentionsByClaim.get('us-accepts-rafah-for-no-iran-strike') ?? [];
    render(<OriginTree mentions={mentions} index={index} />);

    const support = screen.getByRole('region', { name: 'For the claim: 1 independent origin' });
    const [origin] = within(support).getAllByRole('listitem');
    expect(origin).toHaveTextContent(
      /^origin Al-Araby Al-Jadeed \(also The New Arab, New Arab, Al-Araby, العربي الجديد\)/,
    );
    const relays = within(support).getByRole('list', { name: 'Relayed by Al-Araby Al-Jadeed to' });
    expect(within(relays).getByText('Israel National News')).toBeInTheDocument();
    expect(within(relays).getByText('International Business Times')).toBeInTheDocument();
    expect(support).toHaveTextContent('citing Egyptian sources');
    expect(support).toHaveTextContent('citing a senior official (told The New Arab)');

    const opposition = screen.getByRole('region', { name: 'Against the claim: 2 independent origins' });
    expect(opposition).toHaveTextContent('Axios');
    expect(opposition).toHaveTextContent('Deputy Spokesperson for the State Department');
    expect(screen.getAllByRole('heading', { level: 4 })).toHaveLength(2);
  });

  it('says when nobody opposes a claim, and names the problems of a broken chain', () => {
    const index = bundledIndex();
    const broken: Mention = {
      id: 'm-broken',
      claim: 'x',
      article: '000_8afd1a478485ac90',
      stance: 'reports',
      attribution: [
        { kind: 'actor', id: 'jake-sullivan' },
        { kind: 'outlet', id: 'cnn' },
        { kind: 'actor', id: 'jake-sullivan' },
        { kind: 'actor', id: 'nobody-we-know' },
      ],
      spans: [{ article: '000_8afd1a478485ac90', start: 0, end: 2, exact: 'US', prefix: '', suffix: '' }],
    };
    render(<OriginTree mentions={[broken]} index={index} headingLevel={3} />);
    expect(
      screen.getByRole('heading', { level: 3, name: 'Against the claim: 0 independent origins' }),
    ).toBeInTheDocument();
    expect(screen.getByText('No source denies or contradicts it.')).toBeInTheDocument();
    const support = screen.getByRole('region', { name: 'For the claim: 1 independent origin' });
    expect(support).toHaveTextContent('Jake Sullivan');
    expect(support).toHaveTextContent('the chain came back to an earlier link; the loop is left out');
    expect(support).toHaveTextContent('the chain did not end with the publishing outlet, which was added');
    expect(support).toHaveTextContent('names a source this story does not list');
  });

  it('draws outlets relaying each other as one circle', () => {
    const index = bundledIndex();
    const relay = (id: string, article: string, from: string, to: string): Mention => ({
      id,
      claim: 'x',
      article,
      stance: 'asserts',
      attribution: [
        { kind: 'outlet', id: from },
        { kind: 'outlet', id: to },
      ],
      spans: [{ article, start: 0, end: 2, exact: 'US', prefix: '', suffix: '' }],
    });
    render(
      <OriginTree
        mentions={[
          relay('a', '000_8afd1a478485ac90', 'ibtimes', 'israel-national-news'),
          relay('b', '001_2550a2c150cccb37', 'israel-national-news', 'ibtimes'),
        ]}
        index={index}
      />,
    );
    const support = screen.getByRole('region', { name: 'For the claim: 1 independent origin' });
    expect(support).toHaveTextContent('A circle of relays: International Business Times ⇄ Israel National News');
  });
});
