import { describe, expect, it } from 'vitest';
import { htmlToText, MAX_HTML_DEPTH, NestedTooDeeplyError } from './html-to-text';

describe('htmlToText', () => {
  it('keeps the article text and drops scripts, styles and page furniture', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style>
      <script>window.evil = 1</script></head><body>
      <header><nav><a href="/">Home</a> | World</nav></header>
      <article><h1>Talks on Rafah resume</h1>
        <p>CAIRO (Wire) &mdash; Officials met on <b>Monday</b>, two U.S. officials said.</p>
        <div class="ad">Advertisement</div>
        <p>Egypt &amp; Israel &quot;agreed&quot; to talk.<script>alert(1)</script></p>
        <figure><img src="x.jpg" onerror="alert(1)"><figcaption>A photo</figcaption></figure>
      </article>
      <aside>Related stories</aside><footer>© 2024 Wire</footer></body></html>`;
    expect(htmlToText(html)).toBe(
      'Talks on Rafah resume\n\nCAIRO (Wire) — Officials met on Monday, two U.S. officials said.\n\nEgypt & Israel "agreed" to talk.',
    );
  });

  it('falls back to the body when there is no article element, and survives broken markup', () => {
    expect(htmlToText('<p>First<p>Second <i>unclosed')).toBe('First\n\nSecond unclosed');
  });

  it('returns nothing for a page without text', () => {
    expect(htmlToText('<html><body><script>x()</script></body></html>')).toBe('');
  });
});

describe('htmlToText on hostile nesting', () => {
  it('refuses a page nested thousands of levels deep with a clear error, not a stack overflow', () => {
    const html = `<body>${'<div>'.repeat(5_000)}text${'</div>'.repeat(5_000)}</body>`;
    expect(() => htmlToText(html)).toThrow(NestedTooDeeplyError);
    expect(() => htmlToText(html)).toThrow('the page is nested too deeply to read');
  });

  it('reads a page nested as deep as the limit allows', () => {
    const depth = MAX_HTML_DEPTH - 10;
    expect(htmlToText(`${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}`)).toBe('deep text');
  });
});
