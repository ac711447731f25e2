import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, bundledStory } from '../corpus/corpus-test-kit';
import { createIngestContext, prepareArticle, resolveOutlet, type IngestInput } from './prepare-article';

const corpus = bundledCorpus();
const seeded = corpus.stories[0]!;
const context = createIngestContext({
  story: bundledStory().bundle,
  bodies: new Map(seeded.articles.map((a) => [a.id, a.body])),
  outlets: corpus.outlets,
  actors: corpus.actors,
});

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const input = (name: string, patch: Partial<IngestInput> = {}): IngestInput => ({
  content: patch.content ?? fixture(name),
  fileName: name,
  outlet: 'Global Wire',
  createOutlet: true,
  published: '2024-04-19',
  url: null,
  ...patch,
});

function prepared(result: ReturnType<typeof prepareArticle>) {
  if (!result.ok) throw new Error(`refused: ${result.problem.message}`);
  return result.prepared;
}

/** The best sentence suggested for a claim. */
const topSuggestion = (p: ReturnType<typeof prepared>, claimId: string) =>
  p.suggestions.filter((s) => s.claim === claimId).sort((a, b) => b.score - a.score)[0];

describe('prepareArticle', () => {
  it('reduces an HTML page to its article text, never keeping scripts or page furniture', () => {
    const p = prepared(prepareArticle(input('wire-denial.html'), context));
    expect(p.analysis.format).toBe('html');
    expect(p.article.body.startsWith('US officials deny deal trading Rafah operation for Iran restraint\n\n')).toBe(
      true,
    );
    for (const junk of ['analytics', 'injected', 'Sign in', 'Advertisement', 'Most read', 'All rights reserved', '<'])
      expect(p.article.body).not.toContain(junk);
    expect(p.article.title).toBe('US officials deny deal trading Rafah operation for Iran restraint');
    expect(p.newOutlet).toMatchObject({ id: 'global-wire', name: 'Global Wire' });
    expect(p.article.id).toMatch(/^global-wire-2024-04-19-[0-9a-f]{8}$/);
  });

  it('splits sentences robustly and finds quotations, attributions and known names', () => {
    const p = prepared(prepareArticle(input('wire-denial.html'), context));
    const sentences = p.article.sentences.map(([s, e]) => p.article.body.slice(s, e));
    expect(sentences).toContain(
      // The dateline "WASHINGTON (Global Wire) — " is kept out of the sentence.
      'The United States flatly denied on Friday reports that it had accepted an Israeli operation in Rafah in exchange for Israel refraining from a wide strike on Iran, two U.S. officials said.',
    );
    expect(p.analysis.quotations.map(([s, e]) => p.article.body.slice(s, e))).toEqual([
      '“There is no such deal, and there never was,”',
    ]);
    const attributions = p.analysis.attributions.map(
      (a) => `${a.kind}: ${a.source}${a.recipient ? ` → ${a.recipient}` : ''}`,
    );
    expect(attributions).toEqual(
      expect.arrayContaining([
        'said: two U.S. officials',
        'told: a senior administration official → reporters',
        'according-to: the White House',
        'unnamed-source: Egyptian sources',
      ]),
    );
    expect(p.analysis.names.map((n) => n.id)).toEqual(
      expect.arrayContaining(['al-araby-al-jadeed', 'jake-sullivan', 'white-house']),
    );
  });

  it('suggests the denial sentence for the reported deal, proposing "denies" with its cue and reasons', () => {
    const p = prepared(prepareArticle(input('wire-denial.html'), context));
    const top = topSuggestion(p, 'us-accepts-rafah-for-no-iran-strike');
    expect(top?.text).toMatch(/^The United States flatly denied/);
    expect(top?.proposal).toEqual({ stance: 'denies', cue: 'flatly denied' });
    expect(top?.reasons[0]).toMatch(/^words: .*\baccepted\b/);
  });

  it('suggests at most three claims a sentence, sentence by sentence in article order', () => {
    const p = prepared(prepareArticle(input('wire-denial.html'), context));
    const perSentence = new Map<number, number>();
    for (const s of p.suggestions) perSentence.set(s.sentence, (perSentence.get(s.sentence) ?? 0) + 1);
    expect(Math.max(...perSentence.values())).toBeLessThanOrEqual(3);
    const order = p.suggestions.map((s) => s.sentence);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(p.suggestions.length).toBeLessThan(p.article.sentences.length * 2);
  });

  it('reads Markdown and plain text, and suggests the claims they carry', () => {
    const egypt = prepared(prepareArticle(input('wire-egypt.md'), context));
    expect(egypt.analysis.format).toBe('markdown');
    expect(egypt.article.body).not.toMatch(/[#*>[\]]/);
    const readiness = context.story.claims.find((c) => /readiness|ready for all scenarios/i.test(c.text));
    expect(readiness, 'the corpus has an Egypt readiness claim').toBeDefined();
    expect(topSuggestion(egypt, readiness!.id)?.text).toMatch(/Egypt|ready for all scenarios/);

    const delay = prepared(prepareArticle(input('wire-plain.txt', { outlet: 'The New Arab' }), context));
    expect(delay.newOutlet).toBeNull();
    expect(delay.article.outlet).toBe('al-araby-al-jadeed');
    expect(delay.article.title).toBe('Israel delays Rafah push after Iranian barrage, officials say');
    expect(delay.analysis.dates.map((d) => `${d.phrase} → ${d.date.start}..${d.date.end}`)).toEqual([
      'last weekend → 2024-04-13..2024-04-14',
      'on Monday → 2024-04-15..2024-04-15',
      'this week → 2024-04-15..2024-04-21',
    ]);
  });

  it('refuses an article already in the story, naming it', () => {
    const copy = seeded.articles[2]!;
    const result = prepareArticle(
      input('copy.txt', { content: new TextEncoder().encode(`  ${copy.body.replace(/\n/g, '\n\n')}  `) }),
      context,
    );
    expect(result).toEqual({
      ok: false,
      problem: { code: 'duplicate', field: 'content', message: expect.stringContaining(copy.id) },
    });
  });

  it('recognizes the HTML page of an article already in the story, with or without its headline', () => {
    const copy = seeded.articles[2]!;
    const [headline, ...rest] = copy.body.split(/\n+/);
    const page = (withHeadline: boolean) =>
      new TextEncoder().encode(`<!doctype html><html><head><title>${headline} | Outlet</title></head><body>
        <header><nav><a href="/">Home</a></nav></header>
        <article>${withHeadline ? `<h1>${headline}</h1>` : ''}<div class="byline">By Staff Writer</div>
          <div class="social-share"><a href="#">Share</a></div>
          ${rest.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
          <aside class="related">Related stories</aside></article>
        <div id="comments"><p>First!</p></div></body></html>`);
    for (const withHeadline of [true, false]) {
      const result = prepareArticle(input('copy.html', { content: page(withHeadline) }), context);
      expect(result).toEqual({
        ok: false,
        problem: { code: 'duplicate', field: 'content', message: expect.stringContaining(copy.id) },
      });
    }
  });

  it('keeps what an HTML page says about itself beside the story', () => {
    const p = prepared(prepareArticle(input('wire-denial.html'), context));
    expect(p.analysis.page).toMatchObject({ title: 'US denies Rafah-for-Iran deal', byline: 'By Staff Reporter' });
    expect(p.article.body).not.toContain('Staff Reporter');
  });

  it('refuses empty, binary and markup-only input with a clear problem', () => {
    const refuse = (content: Uint8Array, fileName = 'x.txt') => {
      const result = prepareArticle(input(fileName, { content }), context);
      return result.ok ? null : result.problem;
    };
    expect(prepareArticle(input('wire-plain.txt', { published: '2024-02-30' }), context)).toMatchObject({
      ok: false,
      problem: { field: 'published' },
    });
    expect(refuse(new Uint8Array())).toMatchObject({ field: 'content', message: 'the input is empty' });
    expect(refuse(new Uint8Array([1, 0, 2]))).toMatchObject({ message: expect.stringMatching(/binary/) });
    expect(refuse(new TextEncoder().encode('<script>x()</script>'), 'x.html')).toMatchObject({
      message: 'the html input has no article text',
    });
  });
});

describe('resolveOutlet', () => {
  it('finds outlets by id, name or alias, with or without "The"', () => {
    for (const given of ['al-araby-al-jadeed', 'Al-Araby Al-Jadeed', 'The New Arab', 'new arab'])
      expect(resolveOutlet(given, corpus.outlets)?.id).toBe('al-araby-al-jadeed');
    expect(resolveOutlet('  ', corpus.outlets)).toBeNull();
  });
});
