import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../server/corpus/corpus-test-kit';
import { resolveDerivedEventDate } from '../../server/corpus/derived-event-dates';
import { datedSentences, proposeEventDates } from './event-date-proposal';
import { splitParagraphs, splitSentences } from './text-segmentation';

function article(body: string, published: string) {
  const paragraphs = splitParagraphs(body);
  return {
    id: 'art',
    body,
    published: { date: published, basis: 'test' },
    sentences: splitSentences(body, paragraphs),
  };
}

const whole = (a: { body: string }): [number, number] => [0, a.body.length];

describe('proposeEventDates', () => {
  it('reads a weekday against the publication date and keeps the phrase it came from', () => {
    const a = article('Officials met on Monday to discuss the plan.', '2024-04-18');
    const [proposal, ...rest] = proposeEventDates({ ...a, outletName: 'Outlet One' }, whole(a));
    expect(rest).toEqual([]);
    expect(proposal).toMatchObject({
      phrase: 'on Monday',
      range: [14, 23],
      reading: 'the Monday before publication',
      date: {
        precision: 'day',
        start: '2024-04-15',
        end: '2024-04-15',
        derivedFrom: { article: 'art', phrase: 'on Monday' },
      },
    });
    expect(proposal?.date.basis).toContain('Outlet One, published 2024-04-18');
    expect(proposal?.date.basis).toContain('“on Monday”');
  });

  it('proposes a range, never an invented day, for a phrase that only bounds the date', () => {
    const a = article('Several groups met in recent weeks.', '2024-04-18');
    expect(proposeEventDates(a, whole(a))[0]?.date).toMatchObject({
      precision: 'range',
      start: '2024-03-21',
      end: '2024-04-17',
    });
  });

  it('flags an ambiguous phrase and spans both readings', () => {
    const a = article('The attack came last weekend.', '2024-04-15');
    const [proposal] = proposeEventDates(a, whole(a));
    expect(proposal?.ambiguous).toBe(true);
    expect(proposal?.date).toMatchObject({ precision: 'range', start: '2024-04-06', end: '2024-04-14' });
  });

  it('gives a written-out day without a derivation (the resolver reads only relative phrases)', () => {
    const a = article('The talks were held on 18 April 2024 in Washington.', '2024-05-19');
    const [proposal] = proposeEventDates(a, whole(a));
    expect(proposal?.date).toMatchObject({ precision: 'day', start: '2024-04-18', derivedFrom: null });
  });

  it('reads a weekday after "set to" as the coming one, dated without a derivation', () => {
    const a = article('The two sides are set to meet on Thursday in Washington.', '2024-04-15');
    const [proposal] = proposeEventDates(a, whole(a));
    expect(proposal?.date).toMatchObject({ precision: 'day', start: '2024-04-18', derivedFrom: null });
  });

  it('proposes only from the sentence given, with ranges into the whole body', () => {
    const a = article('They met yesterday. They will meet again tomorrow.', '2024-04-18');
    const second = a.sentences[1]!;
    const proposals = proposeEventDates(a, second);
    expect(proposals.map((p) => p.phrase)).toEqual(['tomorrow']);
    expect(a.body.slice(...proposals[0]!.range)).toBe('tomorrow');
    expect(proposals[0]?.date.start).toBe('2024-04-19');
  });

  it('proposes nothing for a sentence without a date phrase', () => {
    const a = article('Officials denied any deal.', '2024-04-18');
    expect(proposeEventDates(a, whole(a))).toEqual([]);
  });
});

describe('datedSentences on the bundled story', () => {
  const corpus = bundledCorpus();
  const story = corpus.stories[0]!;

  it('lists only sentences with a date phrase, each proposal one the corpus loader accepts as derived', () => {
    let derived = 0;
    for (const a of story.articles) {
      const sentences = datedSentences(a);
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) {
        expect(sentence.proposals.length).toBeGreaterThan(0);
        for (const { date } of sentence.proposals) {
          if (!date.derivedFrom) continue;
          derived += 1;
          // The server checks an app-made event's derived date with the loader's rule: it must hold.
          expect(resolveDerivedEventDate('t', 'date', date, new Map([[a.id, a]]))).toEqual(date);
        }
      }
    }
    expect(derived).toBeGreaterThan(10);
  });

  it('proposes the day of the 18 April meeting from "on Thursday" in Israel National News', () => {
    const inn = story.articles.find((a) => a.id.startsWith('000_'))!;
    const sentence = datedSentences(inn).find((s) => s.text.startsWith('US and Israeli officials on Thursday'));
    expect(sentence?.proposals[0]?.date).toMatchObject({
      precision: 'day',
      start: '2024-04-18',
      end: '2024-04-18',
      derivedFrom: { article: inn.id, phrase: 'on Thursday' },
    });
  });
});
