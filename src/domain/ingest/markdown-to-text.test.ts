import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown-to-text';

describe('readMarkdown', () => {
  it('gives headings, paragraphs, quotes and lists as blocks, the first headline as the title', () => {
    const { text, metadata } = readMarkdown(
      [
        '# Talks resume in *Cairo*',
        '',
        '## Officials meet again',
        '',
        'Officials **met** on Sunday, [Reuters](https://x.example "wire") reported. AT&amp;T &#8212; no.',
        '',
        '> “We are close,” one said.',
        '>',
        '> Another paragraph of the quote.',
        '',
        '1. first point',
        '2. _second_ point with `code`',
        '',
        '* nested',
        '  * inner item',
      ].join('\n'),
    );
    expect(text).toBe(
      [
        'Talks resume in Cairo',
        'Officials meet again',
        'Officials met on Sunday, Reuters reported. AT&T — no.',
        '“We are close,” one said.',
        'Another paragraph of the quote.',
        'first point\nsecond point with code',
        'nested inner item',
      ].join('\n\n'),
    );
    expect(metadata).toEqual({ title: 'Talks resume in Cairo', byline: null, published: null });
  });

  it('drops code blocks, images, rules and inline HTML, and keeps escaped marks as text', () => {
    const { text } = readMarkdown(
      'Before ![photo](a.png) the <b>bold</b> \\*claim\\*.\n\n```js\nconst leaked = 1;\n```\n\n    indented code\n\n---\n\nAfter.',
    );
    expect(text).toBe('Before the bold *claim*.\n\nAfter.');
  });

  it('reads front matter for the title, the author and the day, and keeps it out of the text', () => {
    const { text, metadata } = readMarkdown(
      '---\ntitle: "Leaders meet in Cairo"\nauthor: [Dana Levi, Omar Said]\ndate: 2025-04-18T09:30:00Z\n---\n\n## A subhead\n\nBody text.',
    );
    expect(text).toBe('A subhead\n\nBody text.');
    expect(metadata).toEqual({
      title: 'Leaders meet in Cairo',
      byline: 'Dana Levi, Omar Said',
      published: '2025-04-18',
    });
  });

  it('takes a heading that opens the file as the title when there is no level-one heading', () => {
    expect(readMarkdown('### Briefly\n\nText.').metadata.title).toBe('Briefly');
    expect(readMarkdown('Text first.\n\n## Later').metadata.title).toBeNull();
  });

  it('sets aside front matter it cannot read', () => {
    const { text, metadata } = readMarkdown('---\n: [unclosed\n---\nBody.');
    expect(text).toBe('Body.');
    expect(metadata.title).toBeNull();
  });

  it('stays fast on long runs of unmatched marks', () => {
    const started = performance.now();
    expect(readMarkdown('['.repeat(50_000)).text).toBe('['.repeat(50_000));
    expect(readMarkdown('*a _b '.repeat(5_000)).text.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
