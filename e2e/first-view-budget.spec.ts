import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

/**
 * The first view's JavaScript as a browser loads it: every script `/` fetches before the page
 * is idle, each gzipped at level 9. The goal is 90 KiB — 10 KiB of headroom under the 100 KiB
 * budget of PRODUCT.md. On React DOM the runtime alone takes 88 KiB of it; on Preact's
 * implementation of React's API (vite-react-on-preact.ts, not yet the default) the whole first view
 * is about 66 KiB. Until then the test holds the line where it is (CEILING_KIB): nothing may grow.
 */
const GOAL_KIB = 90;
const CEILING_KIB = process.env.PARALLAX_RENDERER === 'preact' ? GOAL_KIB : 124;

test('the first view loads no more gzipped JavaScript before it is idle than its ceiling', async ({
  page,
  baseURL,
}) => {
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    const url = response.url();
    if (response.request().resourceType() !== 'script' || !url.startsWith(baseURL ?? '')) return;
    if (!scripts.has(url))
      scripts.set(
        url,
        response.body().then((body) => gzipSync(body, { level: 9 }).length),
      );
  });
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));

  const sizes = await Promise.all(
    [...scripts].map(async ([url, gzip]) => ({ file: new URL(url).pathname, gzip: await gzip })),
  );
  sizes.sort((a, b) => b.gzip - a.gzip);
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
  console.log(
    [
      `first view: ${sizes.length} scripts, ${kib(total).trim()} KiB gzip-9 (goal ${GOAL_KIB} KiB, ceiling ${CEILING_KIB} KiB)`,
      ...sizes.map(({ file, gzip }) => `  ${kib(gzip)} KiB  ${file}`),
    ].join('\n'),
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(total / 1024, 'KiB of gzipped JavaScript loaded before idle').toBeLessThanOrEqual(CEILING_KIB);
});
