import { describe, expect, it } from 'vitest';
import { addArticleRequestSchema, addClaimRequestSchema } from './schemas';
import { stripBidiControls } from './bidi-controls';

describe('stripBidiControls', () => {
  it('removes overrides, embeddings and isolates, and keeps the right-to-left marks and the text', () => {
    expect(stripBidiControls('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(stripBidiControls('\u2067مصر\u2069 said\u202A x\u202C')).toBe('مصر said x');
    expect(stripBidiControls('القاهرة\u200F (Wire)')).toBe('القاهرة\u200F (Wire)');
  });

  it('applies where titles, outlets and claims enter the API', () => {
    const article = addArticleRequestSchema.parse({
      content: 'x',
      outlet: 'Wire\u202E sseR',
      title: '\u202ETalks resume',
      published: '2024-05-01',
    });
    expect([article.outlet, article.title]).toEqual(['Wire sseR', 'Talks resume']);
    const claim = addClaimRequestSchema.parse({ text: 'Egypt \u2066agreed\u2069.', topic: '\u202DTalks' });
    expect([claim.text, claim.topic]).toEqual(['Egypt agreed.', 'Talks']);
    // Nothing left once the controls are gone: refused like an empty field.
    expect(addClaimRequestSchema.safeParse({ text: '\u202E\u202C', topic: 'Talks' }).success).toBe(false);
  });

  it('refuses article addresses that are not http or https', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://x.example/a']) {
      expect(
        addArticleRequestSchema.safeParse({ content: 'x', outlet: 'Wire', published: '2024-05-01', url }).success,
      ).toBe(false);
    }
    expect(
      addArticleRequestSchema.safeParse({
        content: 'x',
        outlet: 'Wire',
        published: '2024-05-01',
        url: 'https://x.example/a',
      }).success,
    ).toBe(true);
  });
});
