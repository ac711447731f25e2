import * as z from 'zod/mini';

/** Where the edition's files are and whose they are: written by the build, read by the page. */
export const editionManifestSchema = z.object({
  story: z.string(),
  /** The story's snapshot, a SQLite database, relative to the edition's root. */
  snapshot: z.string(),
  desk: z.object({ name: z.string(), url: z.nullable(z.string()), publishedUrl: z.nullable(z.string()) }),
});
export type EditionManifest = z.infer<typeof editionManifestSchema>;

export const EDITION_MANIFEST_FILE = 'edition.json';
