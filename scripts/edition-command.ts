import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { idSchema } from '@/domain/schemas';
import type { DeskSettings } from '../server/api/api-context';
import { EDITION_MANIFEST_FILE } from '../server/edition/edition-manifest';
import { writeEdition } from '../server/edition/write-edition';
import type { Store } from '../server/store/store';

export const EDITION_USAGE = `Write a read-only static site of one story, for any static file host:

  npm run build:edition -- --story ID --out DIR [--url URL]

  --story ID   the story (from the database PARALLAX_DB or PARALLAX_DATABASE_URL names)
  --out DIR    the folder to write: a new or empty one, or an earlier edition (replaced)
  --url URL    where the site will be served from, at the root of its host (default:
               PARALLAX_PUBLISHED_URL, else http://localhost:8080/): the address each
               published verdict's ClaimReview names

The app runs in the browser with the API over a snapshot of the story (SQLite compiled to
WebAssembly, answered by a service worker): nothing behind it but the files.`;

export type EditionIo = {
  /** Builds the app in its edition mode into the folder (Vite). */
  buildApp(outDir: string): Promise<void>;
  out(line: string): void;
};

const DEFAULT_SITE_URL = 'http://localhost:8080/';

/** Runs `npm run build:edition`; resolves to the exit code. */
export async function runEditionCommand(
  store: Store,
  argv: string[],
  settings: { desk: DeskSettings },
  io: EditionIo,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { story: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' } },
    }));
  } catch (error) {
    io.out(`${(error as Error).message}\n\n${EDITION_USAGE}`);
    return 2;
  }
  const { story, out } = values;
  if (!story || !out) {
    io.out(`--story and --out are needed.\n\n${EDITION_USAGE}`);
    return 2;
  }
  if (!idSchema.safeParse(story).success) {
    io.out(`--story must be a story id (a lowercase slug), not "${story}".`);
    return 2;
  }
  const siteUrl = values.url ?? settings.desk.publishedUrl ?? DEFAULT_SITE_URL;
  let site: URL;
  try {
    site = new URL(siteUrl);
  } catch {
    io.out(`--url must be an http(s) address, not "${siteUrl}".`);
    return 2;
  }
  if (!/^https?:$/.test(site.protocol) || site.pathname !== '/' || site.search || site.hash) {
    io.out(`--url must be the root of an http(s) host (like https://edition.example/), not "${siteUrl}".`);
    return 2;
  }
  if (!(await store.getStoryBundle(story))) {
    const ids = (await store.listStories()).map((s) => s.id);
    io.out(
      `There is no story "${story}" in this database. Stories: ${ids.join(', ') || 'none (start Parallax once to seed the bundled story)'}`,
    );
    return 1;
  }
  const outDir = resolve(out);
  // The build empties the folder first: only one that holds nothing, or an edition, is given to it.
  const present = await readdir(outDir).catch(() => [] as string[]);
  if (present.length > 0 && !present.includes(EDITION_MANIFEST_FILE)) {
    io.out(`--out ${out} holds other files; name a new or empty folder, or an earlier edition to replace.`);
    return 1;
  }
  await io.buildApp(outDir);
  const report = await writeEdition({ store, story, outDir, siteUrl: site.toString(), desk: settings.desk });
  io.out(
    `Wrote the edition of "${story}" to ${out}: ${report.claims} claims, ${report.verdictPages.length} published verdict page(s), a ${Math.round(report.snapshotBytes / 1024)} KiB snapshot. Serve the folder at ${site.toString()}`,
  );
  return 0;
}
