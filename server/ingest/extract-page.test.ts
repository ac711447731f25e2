import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page';
import { NestedTooDeeplyError } from './html-to-text';

const STORY = [
  'WASHINGTON (Global Wire) — Senior U.S. and Israeli officials held a virtual meeting on Thursday to discuss a possible Israeli ground operation in Rafah, the White House said.',
  'The talks were led by National Security Adviser Jake Sullivan, with Strategic Affairs Minister Ron Dermer and National Security Adviser Tzachi Hanegbi for Israel.',
  'The two sides agreed to meet again in person soon, according to a readout released after the call.',
  'Officials said Washington shared its concerns about the plan and proposed alternatives that would protect civilians sheltering in the city.',
];
const paragraphs = STORY.map((p) => `<p>${p}</p>`).join('\n');

describe('extractPage', () => {
  it('keeps only the story of an <article> page: no byline, share bar or related stories', () => {
    const html = `<!doctype html><html><head><title>US, Israel discuss Rafah | Global Wire</title>
      <meta property="og:site_name" content="Global Wire">
      <meta property="article:published_time" content="2024-04-18T21:40:00-04:00"></head><body>
      <header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
      <article>
        <h1>US, Israeli officials discuss Rafah in virtual meeting</h1>
        <div class="byline">By Jane Doe and John Roe</div>
        <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
        ${paragraphs}
        <section class="related"><h2>Related stories</h2>
          <ul><li><a href="/a">Egypt warns over Rafah</a></li><li><a href="/b">Iran strike: what we know</a></li></ul>
        </section>
      </article>
      <footer>© 2024 Global Wire</footer></body></html>`;
    const { text, metadata } = extractPage(html);
    for (const p of STORY) expect(text).toContain(p);
    for (const junk of ['Jane Doe', 'Facebook', 'Twitter', 'Related stories', 'Egypt warns over Rafah', '©'])
      expect(text).not.toContain(junk);
    expect(metadata).toMatchObject({ published: '2024-04-18', siteName: 'Global Wire' });
    expect(metadata.byline).toContain('Jane Doe');
    expect(metadata.title).toBe('US, Israel discuss Rafah');
  });

  it('on a page of plain <div>s, leaves out the cookie banner (never the title) and reader comments', () => {
    const html = `<html><head><title>Officials discuss Rafah – Daily Report</title></head><body>
      <div id="cookie-banner" class="gdpr-consent">We use cookies to improve your experience. <button>Accept all</button></div>
      <div class="page"><div class="story-body">
        <div class="headline">Officials discuss Rafah in virtual meeting</div>
        ${STORY.map((p) => `<div class="para">${p}</div>`).join('\n')}
      </div>
      <div id="comments" class="comments"><div class="comment"><span class="user">reader42</span>
        <div class="comment-text">This is all a cover for the Iran deal, everyone knows it, wake up people.</div></div></div>
      </div></body></html>`;
    const { text, metadata } = extractPage(html);
    for (const p of STORY) expect(text).toContain(p);
    expect(text).not.toMatch(/cookies|Accept all|reader42|wake up people/);
    expect(metadata.title).not.toMatch(/cookies/i);
  });

  it('takes the story, not a teaser <article> that comes before it', () => {
    const html = `<html><head><title>Rafah talks</title></head><body>
      <article class="teaser"><h2><a href="/live">Live: Gaza latest</a></h2><p>Follow our live coverage.</p></article>
      <article class="story"><h1>Officials discuss Rafah in virtual meeting</h1>${paragraphs}</article>
      </body></html>`;
    const { text } = extractPage(html);
    for (const p of STORY) expect(text).toContain(p);
    expect(text).not.toContain('Follow our live coverage');
  });

  it('reads the headline, author and publication day from JSON-LD NewsArticle', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'x' },
        {
          '@type': 'NewsArticle',
          headline: 'US, Israeli officials discuss Rafah',
          datePublished: '2024-04-18T23:10:00+03:00',
          author: [{ '@type': 'Person', name: 'Jane Doe' }],
          publisher: { '@type': 'Organization', name: 'Global Wire' },
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
      <body><article>${paragraphs}</article></body></html>`;
    expect(extractPage(html).metadata).toEqual({
      title: 'US, Israeli officials discuss Rafah',
      byline: 'Jane Doe',
      published: '2024-04-18',
      siteName: 'Global Wire',
    });
  });

  it('reads a short page without a story structure as plain markup', () => {
    expect(extractPage('<p>First<p>Second <i>unclosed').text).toBe('First\n\nSecond unclosed');
  });

  it('refuses a page nested too deeply before building a document', () => {
    const html = `<body>${'<div>'.repeat(5_000)}text${'</div>'.repeat(5_000)}</body>`;
    expect(() => extractPage(html)).toThrow(NestedTooDeeplyError);
  });
});
