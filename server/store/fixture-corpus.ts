import { unreviewedVerdict } from '@/domain/schemas';
import { anchorQuote } from '@/domain/span-anchoring';
import { splitParagraphs, splitSentences } from '@/domain/text-segmentation';
import type { Corpus } from '../corpus/load-corpus';

const bodies = {
  'art-a': 'Officials met on Monday.\n\nThe two sides agreed to meet again soon, a statement said.',
  'art-b': 'Earlier this week, a report said the two sides agreed to meet again soon.\nOfficials denied any deal.',
};

function span(article: keyof typeof bodies, exact: string) {
  const anchor = anchorQuote(bodies[article], exact);
  if (!anchor) throw new Error(`fixture quote not found: ${exact}`);
  return { ...anchor, article };
}

/** A small, hand-checked corpus for store and API tests, independent of the bundled story. */
export function fixtureCorpus(): Corpus {
  const articles = (['art-a', 'art-b'] as const).map((id, i) => {
    const body = bodies[id];
    const paragraphs = splitParagraphs(body);
    return {
      id,
      story: 'fixture-story',
      outlet: i === 0 ? 'outlet-one' : 'outlet-two',
      title: `Article ${i + 1}`,
      published: { date: `2024-04-1${i + 1}`, basis: 'fixture' },
      source: { file: `${id}.txt`, url: null },
      body,
      paragraphs,
      sentences: splitSentences(body, paragraphs),
    };
  });
  return {
    outlets: [
      { id: 'outlet-one', name: 'Outlet One', aliases: ['The One'], kind: 'newspaper', url: 'https://one.example/' },
      { id: 'outlet-two', name: 'Outlet Two', aliases: [], kind: 'wire', url: null },
      { id: 'outlet-unused', name: 'Unused Outlet', aliases: [], kind: 'aggregator', url: null },
    ],
    actors: [
      { id: 'officials', name: 'officials', kind: 'unnamed-source', description: 'unnamed officials' },
      { id: 'unused-actor', name: 'Nobody', kind: 'person', description: '' },
    ],
    stories: [
      {
        story: { id: 'fixture-story', title: 'Fixture story', summary: 'Two articles, two claims.' },
        articles,
        claims: [
          {
            id: 'meet-again',
            story: 'fixture-story',
            text: 'The sides will meet again soon.',
            topic: 'Meetings',
            verdict: unreviewedVerdict,
          },
          { id: 'deal', story: 'fixture-story', text: 'There was a deal.', topic: 'Deal', verdict: unreviewedVerdict },
        ],
        mentions: [
          {
            id: 'm-a-meet',
            claim: 'meet-again',
            article: 'art-a',
            stance: 'asserts',
            attribution: [{ kind: 'outlet', id: 'outlet-one' }],
            spans: [span('art-a', 'The two sides agreed to meet again soon')],
          },
          {
            id: 'm-b-meet',
            claim: 'meet-again',
            article: 'art-b',
            stance: 'reports',
            attribution: [
              { kind: 'outlet', id: 'outlet-one' },
              { kind: 'outlet', id: 'outlet-two' },
            ],
            spans: [span('art-b', 'the two sides agreed to meet again soon')],
          },
          {
            id: 'm-b-deal',
            claim: 'deal',
            article: 'art-b',
            stance: 'denies',
            attribution: [
              { kind: 'actor', id: 'officials' },
              { kind: 'outlet', id: 'outlet-two' },
            ],
            spans: [span('art-b', 'Officials denied any deal.'), span('art-b', 'a report said')],
          },
        ],
        events: [
          {
            id: 'first-meeting',
            story: 'fixture-story',
            title: 'Officials meet',
            kind: 'meeting',
            format: 'virtual',
            status: 'held',
            date: {
              // As the timeline's resolver reads "earlier this week" in art-b (Friday 12 April).
              precision: 'range',
              start: '2024-04-08',
              end: '2024-04-11',
              basis: '"earlier this week" (art-b)',
              derivedFrom: { article: 'art-b', phrase: 'Earlier this week' },
            },
            participants: ['officials'],
            mentions: ['m-a-meet'],
          },
        ],
        passages: [
          {
            id: 'p-meet-again',
            story: 'fixture-story',
            text: 'the two sides agreed to meet again soon',
            spans: [
              span('art-a', 'The two sides agreed to meet again soon'),
              span('art-b', 'the two sides agreed to meet again soon'),
            ],
          },
        ],
      },
    ],
  };
}
