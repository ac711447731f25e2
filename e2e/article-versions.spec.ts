import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { withOwnServer } from './own-server';
import { signInWithTheForm } from './sign-in-form';

/*
 * An article updated after a verdict: the pane says so, compares the versions, lists the
 * evidence the new text lost, and the verdict is flagged for editors.
 */

const own = withOwnServer(test, 'article-versions', { accounts: { alice: 'editor' } });

test.describe.configure({ mode: 'serial', timeout: 90_000 });

type Span = { article: string; start: number; end: number; exact: string };
type Bundle = {
  story: { id: string };
  mentions: { id: string; claim: string; article: string; spans: Span[] }[];
};

test('an updated article shows its notice, the diff, the unanchored evidence and the flagged verdict', async ({
  page,
  playwright,
}) => {
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Origin: own.url } });
  expect((await own.signIn(request, 'alice')).status()).toBe(200);
  const [summary] = (await (await request.get(`${own.url}/api/stories`)).json()) as { id: string }[];
  const bundle = (await (await request.get(`${own.url}/api/stories/${summary!.id}`)).json()) as Bundle;

  // An article with two mentions of different claims, each with one span.
  const byArticle = new Map<string, Bundle['mentions']>();
  const apart = (a: Span, b: Span) => a.end < b.start || a.start > b.end;
  for (const m of bundle.mentions) {
    if (m.spans.length === 1) byArticle.set(m.article, [...(byArticle.get(m.article) ?? []), m]);
  }
  const pick = [...byArticle].flatMap(([article, list]) => {
    const first = list[0]!;
    const other = list.find((m) => m.claim !== first.claim && apart(m.spans[0]!, first.spans[0]!));
    return other ? [{ article, kept: first, lost: other }] : [];
  })[0]!;
  const { article: articleId, kept, lost } = pick;
  const claim = (await (await request.get(`${own.url}/api/claims/${kept.claim}`)).json()) as {
    verdict: { version: number };
  };
  const verdict = await request.patch(`${own.url}/api/claims/${kept.claim}/verdict`, {
    headers: { 'If-Match': `"${claim.verdict.version}"` },
    data: { status: 'disputed' },
  });
  expect(verdict.status()).toBe(200);

  const article = (await (await request.get(`${own.url}/api/articles/${articleId}`)).json()) as { body: string };
  const keptSpan = kept.spans[0]!;
  const lostSpan = lost.spans[0]!;
  const changedQuote = keptSpan.exact.replace(/\b(\w{4,})\b/, (word) => `${word}s`);
  const pieces = [
    { start: keptSpan.start, end: keptSpan.end, text: changedQuote },
    { start: lostSpan.start, end: lostSpan.end, text: '' },
  ].sort((a, b) => b.start - a.start);
  let body = article.body;
  for (const piece of pieces) body = body.slice(0, piece.start) + piece.text + body.slice(piece.end);
  const posted = await request.post(`${own.url}/api/articles/${articleId}/versions`, {
    headers: { 'If-Match': '"1"' },
    data: { content: `Update: this article was corrected after publication.\n\n${body}` },
  });
  expect(posted.status()).toBe(201);
  await request.dispose();

  await page.goto(`${own.url}/claims/${kept.claim}`);
  await signInWithTheForm(page, 'alice');
  const flag = page.getByRole('region', { name: 'Evidence changed since this verdict' });
  await expect(flag).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${own.url}/matrix`);
  await expect(page.getByText(', evidence changed since this verdict').first()).toBeAttached();

  await page.goto(`${own.url}/claims/${kept.claim}`);
  await page
    .getByRole('link', { name: /^Read in / })
    .first()
    .click();
  const pane = page.locator(`article[data-article="${articleId}"]`);
  await expect(pane.getByRole('note')).toContainText('Updated');
  await pane.getByText('Versions and changes').click();
  const diff = pane.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff.locator('del').first()).toBeAttached();
  const unanchored = pane.getByRole('region', { name: 'Unanchored evidence' });
  await expect(unanchored.getByRole('listitem').first()).toContainText(lostSpan.exact.slice(0, 40));
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${own.url}/claims/${kept.claim}`);
  await page.getByRole('button', { name: 'Mark the evidence reviewed' }).click();
  await expect(flag).toHaveCount(0);
});
