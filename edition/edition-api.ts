import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { createEditionApp } from '../server/edition/edition-app';
import { openSqlJsStore } from '../server/edition/sql-js-store';
import { EDITION_MANIFEST_FILE, editionManifestSchema } from '../server/edition/edition-manifest';

async function download(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response;
}

/**
 * The real API app over the story's snapshot, in the page: the manifest, the snapshot and
 * SQLite's WebAssembly are fetched when the first API request is made.
 */
export async function openEditionApi(base: string) {
  const root = new URL(base, window.location.origin);
  const manifest = editionManifestSchema.parse(
    await (await download(new URL(EDITION_MANIFEST_FILE, root).href)).json(),
  );
  const snapshot = new Uint8Array(await (await download(new URL(manifest.snapshot, root).href)).arrayBuffer());
  const store = await openSqlJsStore(snapshot, { locateFile: () => wasmUrl });
  return createEditionApp(store, { desk: manifest.desk });
}
