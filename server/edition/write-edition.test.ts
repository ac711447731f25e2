import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi } from '../api/api-test-kit';
import { bundledCorpus } from '../corpus/corpus-test-kit';
import { expandSafely } from '../publishing/json-ld-test-kit';
import { editionManifestSchema } from './edition-manifest';
import { openSqlJsStore } from './sql-js-store';
import { writeEdition } from './write-edition';

const corpus = bundledCorpus();
const story = corpus.stories[0]!;
const [published, unpublished] = story.claims;
const TEMPLATE = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><meta name="description" content="Parallax" /><title>Parallax</title><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>`;
const NOTE = 'Not so. </script><script>alert(1)</script> <img src=x onerror=alert(2)> & "quoted"';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a static edition of a story', { timeout: 60_000 }, () => {
  it('writes the snapshot, the worker, a page per view and claim, and a page per published verdict', async () => {
    const live = await createTestApi({ corpus });
    const mentionId = story.mentions.find((m) => m.claim === published!.id)!.id;
    await live.store.updateVerdict({
      claimId: published!.id,
      expectedVersion: 1,
      content: { status: 'false', note: NOTE, evidence: [{ kind: 'mention', mention: mentionId }] },
      editor: 'alice',
      at: '2024-05-06T11:00:00.000Z',
    });
    await live.store.updatePublication({
      claimId: published!.id,
      expectedVersion: 1,
      state: 'published',
      editor: 'alice',
      at: '2024-05-06T12:00:00.000Z',
    });
    dir = await mkdtemp(join(tmpdir(), 'parallax-edition-'));
    await writeFile(join(dir, 'index.html'), TEMPLATE);

    const report = await writeEdition({
      store: live.store,
      story: story.story.id,
      outDir: dir,
      siteUrl: 'https://edition.example/',
      desk: { name: 'The Desk', url: 'https://desk.example/', publishedUrl: null },
    });
    expect(report.claims).toBe(story.claims.length);
    expect(report.verdictPages).toEqual([`claims/${published!.id}/index.html`]);

    const manifest = editionManifestSchema.parse(JSON.parse(await readFile(join(dir, 'edition.json'), 'utf8')));
    expect(manifest.story).toBe(story.story.id);
    const snapshotStore = await openSqlJsStore(new Uint8Array(await readFile(join(dir, manifest.snapshot))));
    expect((await snapshotStore.getClaim(published!.id))?.verdict.status).toBe('false');
    await snapshotStore.close();
    expect((await stat(join(dir, 'mockServiceWorker.js'))).size).toBeGreaterThan(1000);
    for (const path of ['', 'matrix', 'timeline', `claims/${unpublished!.id}`]) {
      // The app's page, and for readers without JavaScript the way to the verdict that reads without it.
      const { document: page } = parseHTML(await readFile(join(dir, path, 'index.html'), 'utf8'));
      expect(page.querySelector('script[type="module"]')?.getAttribute('src'), path).toBe('/assets/index.js');
      expect(page.querySelector('#root')?.innerHTML, path).toBe('');
      expect(page.title, path).toBe(`${story.story.title} · Parallax`);
      const noscript = parseHTML(`<body>${page.querySelector('noscript')?.innerHTML ?? ''}</body>`).document;
      expect(
        [...noscript.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        path,
      ).toEqual([`/claims/${published!.id}/`]);
    }

    const html = await readFile(join(dir, 'claims', published!.id, 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    // The app's own script, and the JSON-LD: nothing the note says became markup.
    expect([...document.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual([
      'module',
      'application/ld+json',
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('h1')?.textContent).toBe(published!.text);
    expect(document.querySelector('main')?.textContent).toContain(NOTE);
    expect(document.querySelector('main')?.textContent).toContain('False');
    const quote = story.mentions.find((m) => m.id === mentionId)!.spans[0]!.exact;
    expect(document.querySelector('blockquote')?.textContent).toBe(quote);
    expect(
      document.querySelector('blockquote')?.previousElementSibling?.querySelector('a')?.getAttribute('href'),
    ).toMatch(/^https?:\/\//);

    const review = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent ?? '');
    const api = await live.app.request(`https://edition.example/api/claims/${published!.id}/claimreview`);
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: `https://edition.example/claims/${published!.id}/`,
      claimReviewed: published!.text,
      reviewRating: { alternateName: 'False', ratingExplanation: NOTE },
      author: { name: 'The Desk', url: 'https://desk.example/' },
    });
    expect({ ...review, author: undefined }).toEqual({ ...(await api.json()), author: undefined });
    const [expanded] = await expandSafely(review);
    expect(expanded?.['@type']).toEqual(['http://schema.org/ClaimReview']);
    await live.store.close();
  });
});
