import { http } from 'msw';
import { setupWorker } from 'msw/browser';

type EditionApi = { fetch(request: Request): Response | Promise<Response> };

const base = import.meta.env.BASE_URL;
let api: Promise<EditionApi> | null = null;
/** The API app, opened with the first request; a failed opening (say, offline) is tried again by the next. */
function editionApi(): Promise<EditionApi> {
  api ??= import('./edition-api')
    .then(({ openEditionApi }) => openEditionApi(base))
    .catch((error: unknown) => {
      api = null;
      throw error;
    });
  return api;
}

/**
 * The page's API requests never leave the browser: MSW's service worker hands each one to the
 * real API app, which runs here over the story's snapshot.
 */
export const editionWorker = setupWorker(
  http.all(`${base}api/*`, async ({ request }) => (await editionApi()).fetch(request)),
);

export function startEditionWorker() {
  return editionWorker.start({
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
