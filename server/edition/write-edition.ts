import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publicationSchema, storyBundleSchema, type Publication } from '@/domain/schemas';
import { EDITION_MANIFEST_FILE, type EditionManifest } from './edition-manifest';
import type { DeskSettings } from '../api/api-context';
import type { Store } from '../store/store';
import { createEditionApp } from './edition-app';
import { openSqlJsStore } from './sql-js-store';
import { snapshotStory } from './story-snapshot';
import { renderVerdictPage, renderViewPage } from './verdict-page';

/** The story's snapshot in the edition: a SQLite database the page opens with sql.js. */
export const SNAPSHOT_FILE = 'story.sqlite';
/** The views of one story, each at its own path (the claim view at claims/<id>/). */
export const EDITION_VIEW_PATHS = ['matrix', 'timeline'] as const;

export type EditionReport = { claims: number; verdictPages: string[]; snapshotBytes: number };

/**
 * Completes an edition whose app is already built into `outDir` (its index.html the template
 * of every page): the story's snapshot and the manifest that names it, MSW's service worker
 * script, an index.html at every view's path so a plain file server answers each address, and
 * for every published verdict its own page at claims/<id>/ — the address ClaimReview's `url`
 * names (publishedPageUrl) and the one the app shows the claim at, so a reader, a search
 * engine and the app all meet at one URL. That page is readable without JavaScript and hands
 * over to the app where JavaScript runs. Its ClaimReview is the API's own answer.
 */
export async function writeEdition(input: {
  store: Store;
  story: string;
  outDir: string;
  /** Where the edition will be served from, for the ClaimReview's addresses. */
  siteUrl: string;
  desk: DeskSettings;
}): Promise<EditionReport> {
  const { store, story, outDir, siteUrl, desk } = input;
  const template = await readFile(join(outDir, 'index.html'), 'utf8');
  const snapshot = await snapshotStory(store, story);
  await writeFile(join(outDir, SNAPSHOT_FILE), snapshot);
  const manifest: EditionManifest = { story, snapshot: SNAPSHOT_FILE, desk: { ...desk, publishedUrl: null } };
  await writeFile(join(outDir, EDITION_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const require = createRequire(import.meta.url);
  await copyFile(require.resolve('msw/mockServiceWorker.js'), join(outDir, 'mockServiceWorker.js'));

  // The pages are written from the snapshot through the edition's API, as the page reads it.
  const editionStore = await openSqlJsStore(snapshot);
  try {
    const app = createEditionApp(editionStore, { desk: { ...desk, publishedUrl: siteUrl } });
    const read = async <T>(path: string, parse: (data: unknown) => T): Promise<T> => {
      const response = await app.request(new URL(`api/${path}`, siteUrl).toString());
      if (!response.ok) throw new Error(`the edition's API answered ${path} with HTTP ${response.status}`);
      return parse(await response.json());
    };
    const bundle = await read(`stories/${encodeURIComponent(story)}`, (data) => storyBundleSchema.parse(data));
    const publications = new Map<string, Publication>();
    for (const claim of bundle.claims) {
      const publication = await read(`claims/${encodeURIComponent(claim.id)}/publication`, (data) =>
        publicationSchema.parse(data),
      );
      if (publication.state === 'published') publications.set(claim.id, publication);
    }

    const write = async (path: string, html: string) => {
      const file = join(outDir, path, 'index.html');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
    };
    const verdicts = bundle.claims.filter((claim) => publications.has(claim.id));
    const viewPage = renderViewPage({ template, bundle, verdicts });
    await write('', viewPage);
    for (const view of EDITION_VIEW_PATHS) await write(view, viewPage);
    const verdictPages: string[] = [];
    for (const claim of bundle.claims) {
      const path = join('claims', claim.id);
      const publication = publications.get(claim.id);
      if (!publication) {
        await write(path, viewPage);
        continue;
      }
      const claimReview = await read(`claims/${encodeURIComponent(claim.id)}/claimreview`, (data) => data);
      await write(path, renderVerdictPage({ template, claim, bundle, publication, claimReview }));
      verdictPages.push(`${path}/index.html`);
    }
    return { claims: bundle.claims.length, verdictPages, snapshotBytes: snapshot.byteLength };
  } finally {
    await editionStore.close();
  }
}
