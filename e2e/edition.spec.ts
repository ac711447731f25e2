import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandSafely } from '../server/publishing/json-ld-test-kit';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { createOwnServer, E2E_PASSWORD, type OwnServer } from './own-server';

/*
 * The static edition of the story, built by `npm run build:edition` from a desk where one
 * verdict is published, served by a plain file server that knows nothing of Parallax: every
 * view opens at its own address, the API answers from the service worker in the browser (the
 * file server never sees /api), a copied link reopens its view, and the published verdict
 * reads without JavaScript with its ClaimReview.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const own = createOwnServer('edition');
const STORY = 'rafah-scg-2024';
const CLAIM = 'us-accepts-rafah-for-no-iran-strike';
const NOTE = 'The readouts of 18 April say nothing of the kind; the "deal" is one unnamed source\'s <reading>.';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.sqlite': 'application/vnd.sqlite3',
};

/** A plain static file server: files, a folder's index.html, and a log of every path asked for. */
function serveFolder(dir: string, log: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    log.push(path);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) {
        if (!path.endsWith('/')) {
          const query = new URL(request.url ?? '/', 'http://x').search;
          return void response.writeHead(301, { Location: `${path}/${query}` }).end();
        }
        file = join(file, 'index.html');
      }
      statSync(file);
    } catch {
      return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }),
  );
}

let live: OwnServer | undefined;
let site: { server: Server; url: string };
let outDir = '';
const served: string[] = [];

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(300_000);
  // A desk that published one verdict, through the API as an editor does.
  own.addAccount('edna', 'editor');
  live = await own.start();
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Origin: live.url } });
  expect(
    (await request.post(`${live.url}/api/session`, { data: { username: 'edna', password: E2E_PASSWORD } })).status(),
  ).toBe(200);
  const verdict = await request.patch(`${live.url}/api/claims/${CLAIM}/verdict`, {
    headers: { 'If-Match': '"1"' },
    data: { status: 'false', note: NOTE },
  });
  expect(verdict.status()).toBe(200);
  const published = await request.put(`${live.url}/api/claims/${CLAIM}/publication`, {
    headers: { 'If-Match': '"1"' },
    data: { state: 'published' },
  });
  expect(published.status()).toBe(200);
  await request.dispose();
  await own.stop(live);
  live = undefined;

  outDir = mkdtempSync(join(tmpdir(), 'parallax-edition-site-'));
  site = await serveFolder(outDir, served);
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-edition.ts', '--story', STORY, '--out', outDir, '--url', `${site.url}/`],
    { cwd: root, env: { ...process.env, PARALLAX_DB: own.databasePath }, encoding: 'utf8' },
  );
  expect(build.status, build.stderr + build.stdout).toBe(0);
  expect(build.stdout).toContain('1 published verdict page');
});

test.afterAll(async () => {
  if (live) await own.stop(live);
  own.remove();
  await new Promise((resolve) => site?.server.close(resolve));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('every view opens from the file server at its own address, with the API answered in the browser', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const apiRequests: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    void request.response().then((response) => {
      apiRequests.push({ url: url.pathname, fromServiceWorker: response?.fromServiceWorker() ?? false });
    });
  });

  await page.goto(`${site.url}/`);
  await expect(page.getByRole('heading', { name: /Articles \(5\)/ })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // No sign-in, no story switcher, no view for adding coverage: a read-only edition.
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link')).toHaveText(['Sources', 'Matrix', 'Timeline']);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

  await banner.getByRole('link', { name: 'Matrix' }).click();
  await expect(page).toHaveURL(`${site.url}/matrix`);
  await expect(page.getByRole('heading', { name: 'Claims and their coverage' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await banner.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('heading', { name: 'Sequence of events' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Each view's address loaded afresh, as a shared link is: the file server has a page for it.
  for (const [path, ready] of [
    ['/timeline', 'Sequence of events'],
    ['/matrix', 'Claims and their coverage'],
    [`/claims/${CLAIM}`, /US agreed to accept/],
  ] as const) {
    await page.goto(`${site.url}${path}`);
    await expect(page.getByRole('heading', { name: ready }).first()).toBeVisible();
    await expect(page).toHaveURL(`${site.url}${path}`);
  }
  // The claim view shows the published verdict, and nothing to change it with.
  const main = page.getByRole('main');
  await expect(main).toContainText('False');
  await expect(main).toContainText(NOTE);
  await expect(main.getByRole('button', { name: /edit|publish|withdraw|save/i })).toHaveCount(0);
  await expect(main.getByText(/sign in/i)).toHaveCount(0);
  // Nothing links to an API the file server does not have.
  await expect(page.locator('a[href*="/api/"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  expect(apiRequests.length).toBeGreaterThan(0);
  expect(apiRequests.filter((r) => !r.fromServiceWorker)).toEqual([]);
  expect(served.filter((path) => path.startsWith('/api/'))).toEqual([]);
});

test('a copied link reopens the same view in a fresh browser', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await page.goto(`${site.url}/matrix?contested=1`);
  await expect(page.getByRole('heading', { name: 'Claims and their coverage' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /contested/i })).toBeChecked();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${site.url}/matrix?contested=1`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await expect(other.getByRole('heading', { name: 'Claims and their coverage' })).toBeVisible();
  await expect(other).toHaveURL(copied);
  await expect(other.getByRole('checkbox', { name: /contested/i })).toBeChecked();
  await fresh.close();
  expect(served.filter((path) => path.startsWith('/api/'))).toEqual([]);
});

test('the published verdict reads without JavaScript, with its ClaimReview', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/claims/${CLAIM}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('US agreed to accept');
  const main = page.getByRole('main');
  await expect(main).toContainText('Verdict: False');
  await expect(main).toContainText(NOTE);
  const quotes = main.locator('blockquote');
  expect(await quotes.count()).toBeGreaterThan(0);
  await expect(main.getByRole('link', { name: 'US–Israel talks on Rafah (April–May 2024)' })).toHaveAttribute(
    'href',
    '/',
  );

  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const review = JSON.parse(json ?? '') as Record<string, unknown>;
  expect(review).toMatchObject({
    '@type': 'ClaimReview',
    url: `${site.url}/claims/${CLAIM}/`,
    reviewRating: { alternateName: 'False', ratingExplanation: NOTE },
  });
  expect(String(review.claimReviewed)).toContain('US agreed to accept');
  const [expanded] = await expandSafely(review);
  expect(expanded?.['@type']).toEqual(['http://schema.org/ClaimReview']);
  await context.close();

  // axe runs as a script, so the page is checked with scripts on but the app's kept from it.
  const checked = await browser.newContext();
  const withoutApp = await checked.newPage();
  await withoutApp.route('**/assets/*.js', (route) => route.abort());
  await withoutApp.goto(`${site.url}/claims/${CLAIM}/`);
  await expect(withoutApp.getByRole('main')).toContainText('Verdict: False');
  await expectNoSeriousA11yViolations(withoutApp);
  await checked.close();
});
