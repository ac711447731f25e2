import { describe, expect, it } from 'vitest';
import { analyzeClaimOrigins, createEntityResolver, originName } from '@/domain/origin-analysis';
import { findSharedPassages } from '@/domain/shared-passages';
import { stepSources, type AttributionStep, type Mention } from '@/domain/schemas';
import { bundledWithEdit, loadError } from './corpus-test-kit';
import { readCorpusDir } from './read-corpus-dir';

/*
 * The bundled story as re-checked line by line against its five texts: one test per finding,
 * so that none of the corrected errors can come back unnoticed.
 */

const corpus = readCorpusDir();
const story = corpus.stories.find((s) => s.story.id === 'rafah-scg-2024')!;
const [INN, IBT, JPOST, NYT, TOI] = story.articles.map((a) => a.id) as [string, string, string, string, string];
const MENTIONS = 'stories/rafah-scg-2024/mentions.json';

const mention = (id: string): Mention => {
  const found = story.mentions.find((m) => m.id === id);
  if (!found) throw new Error(`no mention ${id}`);
  return found;
};
const claim = (id: string) => {
  const found = story.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};
const event = (id: string) => {
  const found = story.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};
const chain = (m: Mention) =>
  m.attribution.map((step: AttributionStep) =>
    stepSources(step)
      .map((node) => node.id)
      .join(' + '),
  );
const quotes = (m: Mention) => m.spans.map((s) => s.exact);
const bodyOf = (id: string) => story.articles.find((a) => a.id === id)!.body;
const context = {
  resolver: createEntityResolver(corpus.outlets, corpus.actors),
  publisherOf: (id: string) => story.articles.find((a) => a.id === id)?.outlet,
};

describe('attribution', () => {
  it('credits "the State Department and Pentagon both said" to both, in one step', () => {
    for (const id of ['m-002-no-green-light', 'm-002-million']) {
      expect(chain(mention(id)), id).toEqual(['state-department + pentagon', 'jerusalem-post']);
    }
    const origins = analyzeClaimOrigins(
      story.mentions.filter((m) => m.claim === 'no-green-light-without-civilian-plan'),
      context,
    );
    expect(origins.support.map(originName)).toEqual(['The Pentagon and US State Department']);
  });

  it('credits the deputy spokesperson only with the "regardless" sentence', () => {
    for (const id of ['m-002-regardless', 'm-002-deal-contradicted']) {
      expect(chain(mention(id)), id).toEqual(['state-department-deputy-spokesperson', 'jerusalem-post']);
      expect(quotes(mention(id)), id).toEqual([expect.stringMatching(/^This holds true regardless/)]);
    }
  });

  it('reads "put the brakes on Israeli plans" as the New York Times’s own framing', () => {
    expect(mention('m-003-pressed')).toMatchObject({ stance: 'asserts', attribution: [{ id: 'new-york-times' }] });
    expect(mention('m-003-pressed').basis?.attribution).toMatch(/framing is The New York Times's own/);
  });

  it('keeps the Times of Israel’s gloss out of the readout’s mention', () => {
    expect(quotes(mention('m-004-hamas-leaders')).join(' ')).not.toMatch(/targeted operations/);
    expect(mention('m-004-targeted-operations')).toMatchObject({
      stance: 'asserts',
      attribution: [{ id: 'times-of-israel' }],
      claim: 'us-supports-targeted-operations-in-rafah',
    });
  });

  it('reports Egypt’s position with Egypt as its source', () => {
    expect(mention('m-004-egypt-no-coordination').stance).toBe('reports');
    expect(chain(mention('m-004-egypt-no-coordination'))).toEqual(['egypt', 'times-of-israel']);
  });

  it('places Dr. Salama inside IBTimes’s summary of The New Arab’s report', () => {
    expect(chain(mention('m-001-salama'))).toEqual(['ayman-salama', 'al-araby-al-jadeed', 'ibtimes']);
    expect(mention('m-001-salama').basis?.attribution).toMatch(/The report also noted/);
  });

  it('records the research behind every chain through Axios, with a note the editor sees', () => {
    const viaAxios = story.mentions.filter((m) => chain(m).includes('axios'));
    expect(viaAxios.length).toBeGreaterThanOrEqual(5);
    for (const m of viaAxios) {
      expect(m.basis?.attribution, m.id).toMatch(/Axios/);
      expect(m.basis?.notes, m.id).toContain('ibtimes-after-axios');
    }
    expect(bodyOf(IBT)).not.toMatch(/Axios/);
  });
});

describe('stance', () => {
  it('takes the preview’s "are set to hold" as a scheduled meeting, not a held one', () => {
    expect(mention('m-001-meeting').claim).toBe('scg-18-april-meeting-scheduled');
    expect(claim('scg-18-april-meeting-scheduled').text).toMatch(/was scheduled/);
    const held = story.mentions.filter((m) => m.claim === 'scg-virtual-meeting-18-april').map((m) => m.article);
    expect(held).not.toContain(IBT);
  });

  it('records why the Jerusalem Post contradicts a deal it never mentions', () => {
    expect(bodyOf(JPOST)).not.toMatch(/deal|exchange|in return/i);
    expect(mention('m-002-deal-contradicted').basis?.stance).toMatch(/never mentions the reported deal/);
  });
});

describe('evidence', () => {
  it('gives the New York Times’s meeting the span that says it was virtual', () => {
    expect(quotes(mention('m-003-meeting'))).toContain('During a virtual meeting');
  });

  it('drops "The statement did not elaborate" from the evidence of the concerns', () => {
    expect(quotes(mention('m-003-concerns')).join(' ')).not.toMatch(/did not elaborate/);
  });

  it('records partial support where the evidence does not carry the whole claim', () => {
    for (const id of [
      'm-002-meeting',
      'm-002-sanctions',
      'm-003-iran-discussion',
      'm-000-iran-attack',
      'm-003-meeting',
    ]) {
      expect(mention(id).support, id).toBe('partial');
      expect(mention(id).basis?.evidence, id).toBeTruthy();
    }
    expect(bodyOf(JPOST)).not.toMatch(/virtual/i);
  });

  it('refuses partial support that does not say what it leaves out', () => {
    const error = loadError(
      bundledWithEdit(MENTIONS, (data) => {
        const rows = data as { id: string; basis?: unknown }[];
        const row = rows.find((m) => m.id === 'm-002-sanctions')!;
        delete row.basis;
        return rows;
      }),
    );
    expect(error.field).toMatch(/basis\.evidence$/);
  });
});

describe('missing claims and mentions', () => {
  it('counts 000’s "over the weekend" as evidence of the attack, from officials through CNN', () => {
    expect(mention('m-000-iran-attack-weekend')).toMatchObject({ claim: 'iran-attacked-israel', article: INN });
    expect(chain(mention('m-000-iran-attack-weekend'))).toEqual(['officials-told-cnn', 'cnn', 'israel-national-news']);
  });

  it.each([
    ['scg-first-virtual-meeting-1-april', IBT, /second such discussion/],
    ['egypt-wary-of-collaborating-with-israel', TOI, /Cairo doesn’t want to be seen as collaborating/],
    ['palestinians-forced-to-relocate-again', TOI, /forced to relocate again/],
    ['idf-preparing-widescale-operation', INN, /intensive preparations for a widescale operation/],
    ['white-house-declined-comment-deal', IBT, /The White House declined to comment/],
  ])('has the claim %s with its evidence', (id, article, quote) => {
    const ofClaim = story.mentions.filter((m) => m.claim === id);
    expect(ofClaim.map((m) => m.article)).toContain(article);
    expect(ofClaim.flatMap(quotes).join(' ')).toMatch(quote);
  });

  it('names the first meeting’s day, format and participants from the record, as partial support', () => {
    expect(claim('scg-first-virtual-meeting-1-april').text).toMatch(/by video on Monday 1 April 2024.*Blinken/);
    expect(mention('m-001-first-meeting')).toMatchObject({
      support: 'partial',
      basis: { notes: ['scg-meeting-1-april'] },
    });
    expect(event('scg-first-virtual-meeting').participants).toEqual(
      expect.arrayContaining(['jake-sullivan', 'antony-blinken']),
    );
  });

  it('keeps the overlapping claims apart, each with its reason and its own evidence', () => {
    for (const id of [
      'no-green-light-regardless-of-iran',
      'no-green-light-without-civilian-plan',
      'second-virtual-discussion',
      'scg-met-several-times-virtually',
      'us-concerned-civilian-casualties',
      'may-us-against-major-offensive',
    ]) {
      expect(claim(id).basis, id).toMatch(/Separate from|separate claim/);
    }
    const regardless = quotes(mention('m-002-regardless'));
    expect(quotes(mention('m-002-no-green-light')).some((q) => regardless.includes(q))).toBe(false);
  });
});

describe('events', () => {
  it.each([
    ['scg-first-virtual-meeting', '2024-04-01', 'in recent weeks'],
    ['biden-warning-to-netanyahu', '2024-04-04', 'two weeks ago'],
    ['iran-attack-on-israel', '2024-04-13', 'last weekend'],
    ['israel-takes-rafah-crossing', '2024-05-07', 'earlier this month'],
  ])('dates %s to the record’s day, with the coverage’s phrase beside it', (id, day, phrase) => {
    const { date } = event(id);
    expect(date).toMatchObject({ precision: 'day', start: day, end: day, derivedFrom: { phrase } });
    expect(story.story.notes?.map((n) => n.id)).toContain(date.record);
    expect(date.basis).toMatch(/^Public record/);
  });

  it('says for every event whether its date comes from the record or the coverage only', () => {
    for (const e of story.events) {
      if (e.date.record === undefined) expect(e.date.basis, e.id).toMatch(/^Coverage/);
      else expect(e.date.basis, e.id).toMatch(/^(Public record|Coverage, dated by the record)/);
    }
  });

  it('makes the Biden–Netanyahu call a virtual meeting, like the G7 call', () => {
    expect(event('biden-warning-to-netanyahu')).toMatchObject({ kind: 'meeting', format: 'virtual' });
    expect(event('biden-g7-call')).toMatchObject({ kind: 'meeting', format: 'virtual' });
  });

  it('says of the leaflet drop only that it did not happen', () => {
    expect(event('idf-rafah-leaflet-drop').status).toBe('cancelled');
    expect(event('idf-rafah-leaflet-drop').date.basis).toMatch(/ultimately did not do so/);
  });

  it('links the promised follow-up meeting and the May meeting both ways', () => {
    expect(event('scg-follow-up-meeting').related?.map((r) => r.event)).toEqual(['scg-in-person-meeting-may']);
    expect(event('scg-in-person-meeting-may').related?.map((r) => r.event)).toEqual(['scg-follow-up-meeting']);
  });

  it('cites the story’s own notes, never a file the product does not contain', () => {
    const text = JSON.stringify(story);
    expect(text).not.toMatch(/SOURCES\.md/);
    expect(story.story.notes?.length).toBeGreaterThanOrEqual(5);
    for (const note of story.story.notes ?? []) expect(note.source, note.id).toMatch(/\S/);
  });
});

describe('articles', () => {
  it('gives 001 its real headline and address', () => {
    const ibt = story.articles.find((a) => a.id === IBT)!;
    expect(ibt.title).toBe('U.S. and Israel to hold high-level talks on possible Rafah operation amid Iran tensions');
    expect(ibt.source.url).toMatch(/^https:\/\/www\.btimesonline\.com\/articles\/165642\/20240418\//);
  });

  it('says that 003’s and 004’s titles and outlets are inferred', () => {
    for (const id of [NYT, TOI]) {
      const article = story.articles.find((a) => a.id === id)!;
      expect(article.provenance, id).toMatch(/Inferred/);
      expect(article.provenance, id).toMatch(/title is the curators' description/);
    }
  });

  it('marks 002’s pull-quote and photo captions as furniture: no evidence, no shared passage', () => {
    const jpost = story.articles.find((a) => a.id === JPOST)!;
    expect(jpost.furniture?.map((f) => f.kind)).toEqual(['pull-quote', 'caption', 'caption']);
    const inFurniture = (article: string, start: number, end: number) =>
      story.articles.find((a) => a.id === article)?.furniture?.some((f) => start < f.end && f.start < end) ?? false;
    for (const m of story.mentions) {
      for (const s of m.spans) expect(inFurniture(m.article, s.start, s.end), m.id).toBe(false);
    }
    for (const p of story.passages) {
      for (const s of p.spans) expect(inFurniture(s.article, s.start, s.end), p.id).toBe(false);
    }
    // The finder skips furniture: a caption two pages share is no passage.
    const caption =
      'White House National Security Advisor Jake Sullivan takes questions during the daily press briefing.';
    const pages = [
      { id: 'a', body: `${caption}\nSomething else entirely happened here today.` },
      { id: 'b', body: `Another text.\n${caption}` },
    ];
    expect(findSharedPassages('s', pages)).toHaveLength(1);
    expect(
      findSharedPassages('s', [{ ...pages[0]!, furniture: [{ start: 0, end: caption.length }] }, pages[1]!]),
    ).toHaveLength(0);
  });

  it('refuses evidence inside furniture, naming the span', () => {
    const error = loadError(
      bundledWithEdit(MENTIONS, (data) => {
        const rows = data as { id: string; spans: unknown[] }[];
        const broadened = rows.find((m) => m.id === 'm-002-broadened')!;
        const body = bodyOf(JPOST);
        const exact = 'The White House said the two sides then';
        const start = body.indexOf(exact);
        broadened.spans = [
          {
            start,
            end: start + exact.length,
            exact,
            prefix: body.slice(Math.max(0, start - 32), start),
            suffix: body.slice(start + exact.length, start + exact.length + 32),
          },
        ];
        return rows;
      }),
    );
    expect(error.message).toMatch(/overlaps page furniture \(pull-quote/);
  });
});
